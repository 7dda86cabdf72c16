import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type Breakdown, type Leaderboard, type ScoringContext, type StandingsSummary } from '@auction/contracts';
import type { Logger } from '@auction/observability';
import { CLOCK, LOGGER, type Clock } from '@auction/platform';
import { computeStandings } from '@auction/scoring-domain';
import { LeagueTransactions } from '../db/league-transactions.js';
import { FixturesRepository } from '../fixtures/fixtures.repository.js';
import { RostersRepository } from '../rosters/rosters.repository.js';
import { AssetPointsRepository } from './asset-points.repository.js';
import { LeagueStatesRepository, type LeagueState } from './league-states.repository.js';
import { membersKeyOf, rulesKeyOf } from './league-keys.js';
import { RecomputeStandings } from './recompute-standings.js';
import { StandingsRepository } from './standings.repository.js';

/** Reads of stored standings; a league whose rules or members changed is recomputed first. */
@Injectable()
export class StandingsService {
  private readonly recomputing = new Map<string, Promise<void>>();

  constructor(
    private readonly transactions: LeagueTransactions,
    private readonly states: LeagueStatesRepository,
    private readonly standings: StandingsRepository,
    private readonly rosters: RostersRepository,
    private readonly points: AssetPointsRepository,
    private readonly fixtures: FixturesRepository,
    private readonly recompute: RecomputeStandings,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async leaderboard(context: ScoringContext): Promise<Leaderboard> {
    await this.ensureFresh(context);
    // Stored names follow renames through `user.renamed` (ManagerRenamedListener).
    const entries = (await this.standings.ofLeague(context.leagueId)).map(({ joinedAt: _joinedAt, ...entry }) => entry);
    return { leagueId: context.leagueId, entries };
  }

  /** The manager's points per match per asset, read in one snapshot with their leaderboard points. */
  async breakdown(context: ScoringContext, userId: string): Promise<Breakdown> {
    await this.ensureFresh(context);
    const { leagueId, sport } = context;
    const breakdown = await this.transactions.snapshot(async (db) => {
      const standing = await this.standings.ofUser(db, leagueId, userId);
      if (!standing) return null;
      const assets = await this.rosters.assetsOf(db, leagueId, userId);
      const scored = await this.points.ofAssets(db, leagueId, sport, assets.map((asset) => asset.externalId));
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

  /** Rank, points and next fixture of one user in each league; rank and points only once the auction completed. */
  async summaries(userId: string, leagueIds: readonly string[]): Promise<StandingsSummary[]> {
    const [ranked, withRosters, next] = await Promise.all([
      this.standings.forUser(userId, leagueIds),
      this.rosters.leaguesWithRosters([...leagueIds]),
      this.fixtures.nextFixtures(leagueIds, this.clock.now()),
    ]);
    const standingOf = new Map(ranked.map((row) => [row.leagueId, row]));
    const nextOf = new Map(next.map(({ leagueId, ...fixture }) => [leagueId, fixture]));
    return leagueIds.map((leagueId) => {
      const standing = withRosters.has(leagueId) ? standingOf.get(leagueId) : undefined;
      return { leagueId, rank: standing?.rank ?? null, points: standing?.points ?? null, nextFixture: nextOf.get(leagueId) ?? null };
    });
  }

  /** Recomputes when the stored standings were made for other rules or members, or marked stale. */
  async ensureFresh(context: ScoringContext): Promise<void> {
    if (isFresh(await this.states.get(context.leagueId), context)) return;
    // One recompute per league at a time in this process; concurrent readers wait for it.
    const running = this.recomputing.get(context.leagueId);
    if (running) return running;
    const work = this.transactions
      .inLeague(context.leagueId, async (db) => {
        if (isFresh(await this.states.get(context.leagueId, db), context)) return;
        await this.recompute.within(db, context);
      })
      .finally(() => this.recomputing.delete(context.leagueId));
    this.recomputing.set(context.leagueId, work);
    return work;
  }
}

function isFresh(state: LeagueState | null, context: ScoringContext): boolean {
  return (
    state !== null &&
    !state.standingsStale &&
    state.sport === context.sport &&
    state.rulesKey === rulesKeyOf(context) &&
    state.membersKey === membersKeyOf(context)
  );
}
