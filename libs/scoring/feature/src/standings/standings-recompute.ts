import { Injectable } from '@nestjs/common';
import type { Transaction } from '@auction/db';
import { histogram } from '@auction/observability';
import { computeStandings } from '@auction/scoring-domain';
import type { ScoringContext } from '@auction/contracts';
import { RostersRepository } from '../rosters/rosters.repository.js';
import { AssetPointsRepository } from './asset-points.repository.js';
import { LeagueStatesRepository } from './league-states.repository.js';
import { membersKeyOf, rulesKeyOf } from './league-keys.js';
import { MatchScoring } from './match-scoring.js';
import { StandingsRepository } from './standings.repository.js';
import { standingsManagers } from './standings-managers.js';

const recomputeSeconds = histogram(
  'scoring_recompute_seconds',
  'Time to recompute and store a league’s standings',
  [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
);

/**
 * Recomputes a league's standings inside the caller's league transaction (see `leagueLock`):
 * the asset points of `touched` matches are scored again (of every match when the rules
 * changed), then the leaderboard is ranked over every manager by the domain's tie-break chain
 * and stored.
 */
@Injectable()
export class StandingsRecompute {
  constructor(
    private readonly rosters: RostersRepository,
    private readonly points: AssetPointsRepository,
    private readonly standings: StandingsRepository,
    private readonly states: LeagueStatesRepository,
    private readonly scoring: MatchScoring,
  ) {}

  async recompute(db: Transaction, context: ScoringContext, touched: readonly string[] = []): Promise<void> {
    const stop = recomputeSeconds.startTimer();
    const { leagueId, sport } = context;
    const state = await this.states.get(db, leagueId);
    const rulesKey = rulesKeyOf(context);
    const rulesChanged = !state || state.rulesKey !== rulesKey || state.sport !== sport;
    await this.scoring.rescore(db, context, rulesChanged ? 'all' : touched);

    const rosters = await this.rosters.managers(db, leagueId);
    const renamed = await this.rosters.latestNames(
      db,
      context.members.map((member) => member.userId),
    );
    const managers = standingsManagers(context.members, rosters, renamed);
    // The leaderboard needs only each asset's season totals; breakdowns read the match rows.
    const { leaderboard } = computeStandings({ sport, managers, scored: await this.points.seasonTotals(db, leagueId, sport) });
    const joinedAt = new Map(managers.map((manager) => [manager.userId, manager.joinedAt]));
    await this.standings.replace(
      db,
      leagueId,
      leaderboard.map((entry) => ({ ...entry, joinedAt: joinedAt.get(entry.userId)! })),
    );
    await this.states.save(db, leagueId, { sport, rulesKey, membersKey: membersKeyOf(context), standingsStale: false });
    stop();
  }
}
