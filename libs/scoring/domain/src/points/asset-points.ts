import type { CricketRules, FootballRules, SportKey } from '@auction/contracts';
import { cricketPoints, scoreFootballResult, type CricketStat, type FootballResult } from './match-points.js';

// A batch of results or stat lines as the points per asset per match that scoring stores (`asset_points`).

/**
 * One asset's points in one match, already scored with the league's rules, with that match's
 * tie-break stats in the order the sport decides them (football: goals, wins; cricket:
 * catches, stumpings, run-outs). Storing these lets a breakdown show exactly what the
 * leaderboard counted.
 */
export interface ScoredEntry {
  externalMatchId: string;
  assetExternalId: string;
  points: number;
  tiebreaks: readonly number[];
}

/** How many tie-break stats a sport keeps per asset and match. */
export const TIEBREAK_COUNT: Readonly<Record<SportKey, number>> = { football: 2, cricket: 3 };

/** Both clubs' entries for each result. */
export function scoreFootballResults(results: readonly FootballResult[], rules: FootballRules): ScoredEntry[] {
  return results.flatMap((result) =>
    [...scoreFootballResult(result, rules)].map(([assetExternalId, score]) => ({
      externalMatchId: result.externalMatchId,
      assetExternalId,
      points: score.points,
      tiebreaks: [score.goals, score.wins],
    })),
  );
}

/** One entry per player per match. */
export function scoreCricketStats(stats: readonly CricketStat[], rules: CricketRules): ScoredEntry[] {
  return stats.map((stat) => ({
    externalMatchId: stat.externalMatchId,
    assetExternalId: stat.playerExternalId,
    points: cricketPoints(stat, rules),
    tiebreaks: [stat.catches, stat.stumpings, stat.runOuts],
  }));
}
