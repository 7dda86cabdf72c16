import { Module } from '@nestjs/common';
import { LeagueTransactions } from './db/league-transactions.js';
import { FixturesController } from './fixtures/fixtures.controller.js';
import { FixturesRepository } from './fixtures/fixtures.repository.js';
import { InternalScoringController } from './internal/internal-scoring.controller.js';
import { LeagueAccessGuard } from './league-context/league-access.guard.js';
import { LeagueContexts } from './league-context/league-contexts.js';
import { ImportMatchFile } from './imports/import-match-file.js';
import { PlayerStatsRepository } from './results/player-stats.repository.js';
import { ResultsController } from './results/results.controller.js';
import { ManagerRenamedListener } from './rosters/manager-renamed.listener.js';
import { AuctionCompletedListener } from './rosters/auction-completed.listener.js';
import { RebuildRosters } from './rosters/rebuild-rosters.js';
import { RostersController } from './rosters/rosters.controller.js';
import { RostersRepository } from './rosters/rosters.repository.js';
import { StoreRosters } from './rosters/store-rosters.js';
import { AssetPointsRepository } from './standings/asset-points.repository.js';
import { LeaderboardController } from './standings/leaderboard.controller.js';
import { LeaderboardEvents } from './standings/leaderboard-events.js';
import { LeagueStatesRepository } from './standings/league-states.repository.js';
import { MatchScoring } from './standings/match-scoring.js';
import { RecomputeStandings } from './standings/recompute-standings.js';
import { StandingsRepository } from './standings/standings.repository.js';
import { StandingsService } from './standings/standings.service.js';

/**
 * Fixtures and results from CSV, rosters from the completed auction, leaderboards and
 * breakdowns. Needs the shared core, guards, service client and realtime modules.
 */
@Module({
  controllers: [FixturesController, ResultsController, LeaderboardController, RostersController, InternalScoringController],
  providers: [
    LeagueTransactions,
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
    RecomputeStandings,
    StandingsService,
    ImportMatchFile,
    StoreRosters,
    RebuildRosters,
    AuctionCompletedListener,
    ManagerRenamedListener,
  ],
})
export class ScoringModule {}
