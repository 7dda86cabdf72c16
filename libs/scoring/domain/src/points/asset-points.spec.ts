import { describe, expect, it } from 'vitest';
import type { CricketStat, FootballResult } from './match-points.js';
import { cricketRulesWith, footballRulesWith } from './scoring-rules.js';
import { scoreCricketStats, scoreFootballResults } from './asset-points.js';
import { computeStandings, type StandingsManager } from '../standings/compute-standings.js';

function manager(userId: string, externalIds: string[], spent = 10): StandingsManager {
  return {
    userId,
    displayName: userId,
    spent,
    joinedAt: new Date(Date.UTC(2025, 0, 1)),
    assets: externalIds.map((externalId) => ({ assetId: `asset-${externalId}`, externalId, name: externalId })),
  };
}

describe('scored entries', () => {
  it('scores both clubs of a result, with goals and wins as tie-breaks', () => {
    const result: FootballResult = { externalMatchId: 'M1', homeExternalId: 'ARS', awayExternalId: 'CHE', homeGoals: 2, awayGoals: 1 };
    expect(scoreFootballResults([result], footballRulesWith())).toEqual([
      { externalMatchId: 'M1', assetExternalId: 'ARS', points: 5, tiebreaks: [2, 1] },
      { externalMatchId: 'M1', assetExternalId: 'CHE', points: 1, tiebreaks: [1, 0] },
    ]);
  });

  it('scores a cricket line with catches, stumpings and run-outs as tie-breaks', () => {
    const stat: CricketStat = { externalMatchId: 'T1', playerExternalId: 'p1', runs: 12, wickets: 1, catches: 2, stumpings: 1, runOuts: 1 };
    // 12 + 20 + 2 × 10 + 25 + 20 = 97
    expect(scoreCricketStats([stat], cricketRulesWith())).toEqual([
      { externalMatchId: 'T1', assetExternalId: 'p1', points: 97, tiebreaks: [2, 1, 1] },
    ]);
  });

  it('gives the same standings from scored entries as from the raw results and stats', () => {
    const football: FootballResult[] = [
      { externalMatchId: 'M1', homeExternalId: 'A', awayExternalId: 'B', homeGoals: 3, awayGoals: 3 },
      { externalMatchId: 'M2', homeExternalId: 'C', awayExternalId: 'A', homeGoals: 0, awayGoals: 2 },
    ];
    const rules = { win: 2, draw: 1, goal: 3 };
    const managers = [manager('ann', ['A']), manager('bob', ['B', 'C'])];
    const raw = computeStandings({ sport: 'football', rules, managers, football });
    const scored = computeStandings({ sport: 'football', managers, scored: scoreFootballResults(football, footballRulesWith(rules)) });
    expect(scored.leaderboard).toEqual(raw.leaderboard);
    expect([...scored.breakdowns]).toEqual([...raw.breakdowns]);

    const cricket: CricketStat[] = [
      { externalMatchId: 'T2', playerExternalId: 'p1', runs: 5, wickets: 0, catches: 1, stumpings: 0, runOuts: 0 },
      { externalMatchId: 'T10', playerExternalId: 'p2', runs: 0, wickets: 2, catches: 0, stumpings: 1, runOuts: 1 },
    ];
    const cricketManagers = [manager('ann', ['p1']), manager('bob', ['p2'])];
    const rawCricket = computeStandings({ sport: 'cricket', managers: cricketManagers, cricket });
    const scoredCricket = computeStandings({
      sport: 'cricket',
      managers: cricketManagers,
      scored: scoreCricketStats(cricket, cricketRulesWith()),
    });
    expect(scoredCricket.leaderboard).toEqual(rawCricket.leaderboard);
    expect([...scoredCricket.breakdowns]).toEqual([...rawCricket.breakdowns]);
  });
});
