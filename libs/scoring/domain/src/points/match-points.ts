import type { CricketRules, FootballRules } from '@auction/contracts';

// Where a score is computed: one club's points from a result, one player's from a stat line.

export interface FootballResult {
  externalMatchId: string;
  homeExternalId: string;
  awayExternalId: string;
  homeGoals: number;
  awayGoals: number;
}

export interface CricketStat {
  externalMatchId: string;
  playerExternalId: string;
  runs: number;
  wickets: number;
  catches: number;
  stumpings: number;
  runOuts: number;
}

export interface FootballClubScore {
  points: number;
  goals: number;
  wins: number;
}

export interface CricketPlayerScore {
  points: number;
  catches: number;
  stumpings: number;
  runOuts: number;
}

/** One club's points in one match, with that match's tie-break stats. */
export function scoreFootballClub(goalsFor: number, goalsAgainst: number, rules: FootballRules): FootballClubScore {
  const won = goalsFor > goalsAgainst;
  const drawn = goalsFor === goalsAgainst;
  const resultPoints = won ? rules.win : drawn ? rules.draw : 0;
  return { points: resultPoints + goalsFor * rules.goal, goals: goalsFor, wins: won ? 1 : 0 };
}

/** Both clubs' scores for one result, keyed by club external id. */
export function scoreFootballResult(result: FootballResult, rules: FootballRules): Map<string, FootballClubScore> {
  return new Map([
    [result.homeExternalId, scoreFootballClub(result.homeGoals, result.awayGoals, rules)],
    [result.awayExternalId, scoreFootballClub(result.awayGoals, result.homeGoals, rules)],
  ]);
}

/** One player's points in one match, with that match's tie-break stats. */
export function scoreCricketPlayer(stat: CricketStat, rules: CricketRules): CricketPlayerScore {
  return { points: cricketPoints(stat, rules), catches: stat.catches, stumpings: stat.stumpings, runOuts: stat.runOuts };
}

export function cricketPoints(stat: CricketStat, rules: CricketRules): number {
  return (
    stat.runs * rules.run +
    stat.wickets * rules.wicket +
    stat.catches * rules.catch +
    stat.stumpings * rules.stumping +
    stat.runOuts * rules.runOut
  );
}
