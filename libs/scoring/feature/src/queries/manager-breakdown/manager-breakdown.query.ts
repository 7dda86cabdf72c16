import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type Breakdown, type ScoringContext } from '@auction/contracts';
import { Transactor } from '@auction/db';
import type { Logger } from '@auction/observability';
import { LOGGER } from '@auction/platform';
import { computeStandings } from '@auction/scoring-domain';
import { RostersRepository } from '../../rosters/rosters.repository.js';
import { AssetPointsRepository } from '../../standings/asset-points.repository.js';
import { StandingsRepository } from '../../standings/standings.repository.js';
import { RefreshStandingsUseCase } from '../../use-cases/refresh-standings/refresh-standings.use-case.js';

export interface ManagerBreakdownInput {
  context: ScoringContext;
  userId: string;
}

/** The manager's points per match per asset, read in one snapshot with their leaderboard points. */
@Injectable()
export class ManagerBreakdownQuery {
  constructor(
    private readonly transactor: Transactor,
    private readonly refresh: RefreshStandingsUseCase,
    private readonly standings: StandingsRepository,
    private readonly rosters: RostersRepository,
    private readonly points: AssetPointsRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute({ context, userId }: ManagerBreakdownInput): Promise<Breakdown> {
    await this.refresh.execute({ context });
    const { leagueId, sport } = context;
    const breakdown = await this.transactor.snapshot(async (db) => {
      const standing = await this.standings.ofUser(db, leagueId, userId);
      if (!standing) return null;
      const assets = await this.rosters.assetsOf(db, leagueId, userId);
      const scored = await this.points.ofAssets(
        db,
        leagueId,
        sport,
        assets.map((asset) => asset.externalId),
      );
      const manager = { userId, displayName: standing.displayName, spent: standing.spent, joinedAt: standing.joinedAt, assets };
      const computed = computeStandings({ sport, managers: [manager], scored }).breakdowns.get(userId)!;
      if (computed.total !== standing.points) {
        this.logger.error({ leagueId, userId, total: computed.total, points: standing.points }, 'breakdown differs from leaderboard');
      }
      return computed;
    });
    if (!breakdown) throw new DomainError('NOT_FOUND', 'This person is not a manager of this league.');
    return breakdown;
  }
}
