import type { Breakdown, LeaderboardEntry, SportKey, Tiebreaks } from '@auction/contracts';
import { cricketPoints, scoreFootballClub, type CricketStat, type FootballResult } from '../points/match-points.js';
import { rank, compareCodeUnits } from './leaderboard-order.js';
import { cricketRulesWith, footballRulesWith, type RuleOverrides } from '../points/scoring-rules.js';
import { TIEBREAK_COUNT, type ScoredEntry } from '../points/asset-points.js';

export interface StandingsAsset {
  assetId: string;
  externalId: string;
  name: string;
}

export interface StandingsManager {
  userId: string;
  displayName: string;
  spent: number;
  joinedAt: Date;
  assets: readonly StandingsAsset[];
}

export interface StandingsInput {
  sport: SportKey;
  /** League overrides; missing keys take the sport's defaults. */
  rules?: RuleOverrides;
  managers: readonly StandingsManager[];
  football?: readonly FootballResult[];
  cricket?: readonly CricketStat[];
  /**
   * Points already scored per asset and match (see `scoreFootballResults`, `scoreCricketStats`).
   * When given, `rules`, `football` and `cricket` are not used.
   */
  scored?: readonly ScoredEntry[];
}

export interface Standings {
  /** Every manager, ranked 1..n. */
  leaderboard: LeaderboardEntry[];
  /** Per manager; matches in natural order of externalMatchId ("R2" before "R10"). */
  breakdowns: Map<string, Breakdown>;
}

/**
 * What differs between sports. Entries are indexed by asset external id once; each entry is
 * scored while tallying, adding its tie-break stats straight into the manager's totals, so a
 * season of stats costs no allocation beyond the breakdown itself.
 */
interface SportScoring<Entry> {
  /** Every match id, in natural order ("R2" before "R10"). */
  matchIds: string[];
  matchIndex: Map<string, number>;
  byAsset: Map<string, Entry[]>;
  matchIdOf(entry: Entry): string;
  /** The entry's points; adds its tie-break stats into `totals`. */
  score(entry: Entry, totals: number[]): number;
  tiebreakCount: number;
  toTiebreaks(totals: readonly number[]): Tiebreaks;
}

type BreakdownMatch = Breakdown['matches'][number];

export function computeStandings(input: StandingsInput): Standings {
  if (input.scored) return standingsWith(input, scoredScoring(input.sport, input.scored));
  return input.sport === 'football' ? standingsWith(input, footballScoring(input)) : standingsWith(input, cricketScoring(input));
}

function standingsWith<Entry>(input: StandingsInput, scoring: SportScoring<Entry>): Standings {
  const tallies = input.managers.map((manager) => tallyManager(manager, scoring));
  const leaderboard = rank(tallies).map(({ rank: position, userId, displayName, points, spent, tiebreakValues }): LeaderboardEntry => ({
    rank: position,
    userId,
    displayName,
    points,
    spent,
    tiebreaks: scoring.toTiebreaks(tiebreakValues),
  }));
  const breakdowns = new Map(tallies.map((tally) => [tally.userId, tally.breakdown]));
  return { leaderboard, breakdowns };
}

interface ClubInMatch {
  result: FootballResult;
  home: boolean;
}

function footballScoring(input: StandingsInput): SportScoring<ClubInMatch> {
  const rules = footballRulesWith(input.rules);
  const results = input.football ?? [];
  const byAsset = new Map<string, ClubInMatch[]>();
  for (const result of results) {
    pushTo(byAsset, result.homeExternalId, { result, home: true });
    pushTo(byAsset, result.awayExternalId, { result, home: false });
  }
  return {
    ...naturalMatchOrder(results),
    byAsset,
    matchIdOf: ({ result }) => result.externalMatchId,
    score: ({ result, home }, totals) => {
      const [goalsFor, goalsAgainst] = home ? [result.homeGoals, result.awayGoals] : [result.awayGoals, result.homeGoals];
      const { points, goals, wins } = scoreFootballClub(goalsFor, goalsAgainst, rules);
      totals[0] += goals;
      totals[1] += wins;
      return points;
    },
    tiebreakCount: 2,
    toTiebreaks: ([goals = 0, wins = 0]) => ({ goals, wins }),
  };
}

function cricketScoring(input: StandingsInput): SportScoring<CricketStat> {
  const rules = cricketRulesWith(input.rules);
  const stats = input.cricket ?? [];
  const byAsset = new Map<string, CricketStat[]>();
  for (const stat of stats) pushTo(byAsset, stat.playerExternalId, stat);
  return {
    ...naturalMatchOrder(stats),
    byAsset,
    matchIdOf: (stat) => stat.externalMatchId,
    score: (stat, totals) => {
      totals[0] += stat.catches;
      totals[1] += stat.stumpings;
      totals[2] += stat.runOuts;
      return cricketPoints(stat, rules);
    },
    tiebreakCount: 3,
    toTiebreaks: ([catches = 0, stumpings = 0, runOuts = 0]) => ({ catches, stumpings, runOuts }),
  };
}

function scoredScoring(sport: StandingsInput['sport'], entries: readonly ScoredEntry[]): SportScoring<ScoredEntry> {
  const byAsset = new Map<string, ScoredEntry[]>();
  for (const entry of entries) pushTo(byAsset, entry.assetExternalId, entry);
  const tiebreakCount = TIEBREAK_COUNT[sport];
  return {
    ...naturalMatchOrder(entries),
    byAsset,
    matchIdOf: (entry) => entry.externalMatchId,
    score: (entry, totals) => {
      for (let i = 0; i < tiebreakCount; i++) totals[i] += entry.tiebreaks[i] ?? 0;
      return entry.points;
    },
    tiebreakCount,
    toTiebreaks:
      sport === 'football'
        ? ([goals = 0, wins = 0]) => ({ goals, wins })
        : ([catches = 0, stumpings = 0, runOuts = 0]) => ({ catches, stumpings, runOuts }),
  };
}

/** Sorting the match ids once lets each manager's breakdown come out in order without a sort. */
function naturalMatchOrder(rows: ReadonlyArray<{ externalMatchId: string }>) {
  const ids = new Set<string>();
  for (const row of rows) ids.add(row.externalMatchId);
  const collator = new Intl.Collator('en', { numeric: true });
  const matchIds = [...ids].sort((a, b) => collator.compare(a, b) || compareCodeUnits(a, b));
  return { matchIds, matchIndex: new Map(matchIds.map((id, index) => [id, index])) };
}

function tallyManager<Entry>(manager: StandingsManager, scoring: SportScoring<Entry>) {
  const tiebreakValues = new Array<number>(scoring.tiebreakCount).fill(0);
  const matches: Array<BreakdownMatch | undefined> = [];
  for (const asset of manager.assets) {
    for (const entry of scoring.byAsset.get(asset.externalId) ?? []) {
      const points = scoring.score(entry, tiebreakValues);
      const match = matchAt(matches, scoring, scoring.matchIdOf(entry));
      match.points += points;
      match.assets.push({ assetId: asset.assetId, name: asset.name, points });
    }
  }
  const ordered = matches.filter((match) => match !== undefined);
  // The total is summed from the breakdown itself so the two can never disagree.
  const points = ordered.reduce((total, match) => total + match.points, 0);
  const breakdown: Breakdown = { userId: manager.userId, total: points, matches: ordered };
  return { ...manager, points, tiebreakValues, breakdown };
}

function matchAt<Entry>(matches: Array<BreakdownMatch | undefined>, scoring: SportScoring<Entry>, externalMatchId: string): BreakdownMatch {
  const index = scoring.matchIndex.get(externalMatchId) ?? 0;
  return (matches[index] ??= { externalMatchId, points: 0, assets: [] });
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
