import { Injectable } from '@nestjs/common';
import type { Database } from '@auction/db';
import { cricketRulesWith, footballRulesWith, scoreCricketStats, scoreFootballResults, type ScoredEntry } from '@auction/scoring-domain';
import type { ScoringContext } from '@auction/contracts';
import { FixturesRepository } from '../fixtures/fixtures.repository.js';
import { PlayerStatsRepository } from '../results/player-stats.repository.js';
import { AssetPointsRepository } from './asset-points.repository.js';

/** Turns stored results (football) or player stats (cricket) into points per asset per match. */
@Injectable()
export class MatchScoring {
  constructor(
    private readonly fixtures: FixturesRepository,
    private readonly stats: PlayerStatsRepository,
    private readonly points: AssetPointsRepository,
  ) {}

  /** Scores the given matches (or every match) again with the league's current rules. */
  async rescore(db: Database, context: ScoringContext, matchIds: readonly string[] | 'all'): Promise<void> {
    const only = matchIds === 'all' ? undefined : matchIds;
    if (only?.length === 0) return;
    const overrides = context.scoringRules;
    let entries: ScoredEntry[];
    if (context.sport === 'football') {
      entries = scoreFootballResults(await this.fixtures.footballResults(db, context.leagueId, only), footballRulesWith(overrides));
    } else {
      entries = scoreCricketStats(await this.stats.ofLeague(db, context.leagueId, only), cricketRulesWith(overrides));
    }
    await this.points.replace(db, context.leagueId, context.sport, matchIds, entries);
  }
}
