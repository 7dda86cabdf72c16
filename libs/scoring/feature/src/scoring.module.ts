import { Module } from '@nestjs/common';
import { FixturesController } from './fixtures/fixtures.controller.js';
import { FixturesRepository } from './fixtures/fixtures.repository.js';
import { InternalScoringController } from './internal/internal-scoring.controller.js';
import { LeagueAccessGuard } from './league-context/league-access.guard.js';
import { LeagueContexts } from './league-context/league-contexts.js';
import { FixturesPageQuery } from './queries/fixtures-page/fixtures-page.query.js';
import { LeaderboardQuery } from './queries/leaderboard/leaderboard.query.js';
import { ManagerBreakdownQuery } from './queries/manager-breakdown/manager-breakdown.query.js';
import { StandingsSummariesQuery } from './queries/standings-summaries/standings-summaries.query.js';
import { PlayerStatsRepository } from './results/player-stats.repository.js';
import { ResultsController } from './results/results.controller.js';
import { AuctionCompletedListener } from './rosters/auction-completed.listener.js';
import { ManagerRenamedListener } from './rosters/manager-renamed.listener.js';
import { RostersController } from './rosters/rosters.controller.js';
import { RostersRepository } from './rosters/rosters.repository.js';
import { AssetPointsRepository } from './standings/asset-points.repository.js';
import { LeaderboardController } from './standings/leaderboard.controller.js';
import { LeaderboardEvents } from './standings/leaderboard-events.js';
import { LeagueStatesRepository } from './standings/league-states.repository.js';
import { MatchScoring } from './standings/match-scoring.js';
import { StandingsRecompute } from './standings/standings-recompute.js';
import { StandingsRepository } from './standings/standings.repository.js';
import { ImportMatchFileUseCase } from './use-cases/import-match-file/import-match-file.use-case.js';
import { RebuildRostersUseCase } from './use-cases/rebuild-rosters/rebuild-rosters.use-case.js';
import { RecomputeStandingsUseCase } from './use-cases/recompute-standings/recompute-standings.use-case.js';
import { RefreshStandingsUseCase } from './use-cases/refresh-standings/refresh-standings.use-case.js';
import { RenameManagerUseCase } from './use-cases/rename-manager/rename-manager.use-case.js';
import { StoreRostersUseCase } from './use-cases/store-rosters/store-rosters.use-case.js';

/**
 * Fixtures and results from CSV, rosters from the completed auction, leaderboards and
 * breakdowns. Needs the shared core, guards, service client and realtime modules.
 */
@Module({
  controllers: [FixturesController, ResultsController, LeaderboardController, RostersController, InternalScoringController],
  providers: [
    LeagueContexts,
    LeagueAccessGuard,
    LeaderboardEvents,
    FixturesRepository,
    PlayerStatsRepository,
    AssetPointsRepository,
    StandingsRepository,
    LeagueStatesRepository,
    RostersRepository,
    MatchScoring,
    StandingsRecompute,
    ImportMatchFileUseCase,
    StoreRostersUseCase,
    RebuildRostersUseCase,
    RecomputeStandingsUseCase,
    RefreshStandingsUseCase,
    RenameManagerUseCase,
    LeaderboardQuery,
    ManagerBreakdownQuery,
    StandingsSummariesQuery,
    FixturesPageQuery,
    AuctionCompletedListener,
    ManagerRenamedListener,
  ],
})
export class ScoringModule {}
