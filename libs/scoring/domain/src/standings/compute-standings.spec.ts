import { describe, expect, it } from 'vitest';
import type { CricketStat, FootballResult } from '../points/match-points.js';
import { computeStandings, type StandingsManager } from './compute-standings.js';

const jan = (day: number) => new Date(Date.UTC(2025, 0, day));

function manager(userId: string, externalIds: string[], extra: Partial<StandingsManager> = {}): StandingsManager {
  return {
    userId,
    displayName: userId.toUpperCase(),
    spent: 100,
    joinedAt: jan(1),
    assets: externalIds.map((externalId) => ({ assetId: `asset-${externalId}`, externalId, name: externalId })),
    ...extra,
  };
}

function result(externalMatchId: string, home: string, homeGoals: number, awayGoals: number, away: string): FootballResult {
  return { externalMatchId, homeExternalId: home, awayExternalId: away, homeGoals, awayGoals };
}

function stat(externalMatchId: string, playerExternalId: string, values: Partial<CricketStat>): CricketStat {
  return { externalMatchId, playerExternalId, runs: 0, wickets: 0, catches: 0, stumpings: 0, runOuts: 0, ...values };
}

const footballResults = [
  result('M1', 'ARS', 2, 1, 'CHE'),
  result('M2', 'LIV', 0, 0, 'MCI'),
  result('M3', 'CHE', 3, 3, 'ARS'),
  result('M10', 'MCI', 4, 0, 'LIV'),
];

describe('computeStandings: football', () => {
  const managers = [manager('ann', ['ARS', 'LIV']), manager('bob', ['CHE', 'MCI']), manager('cat', [])];

  it('scores rosters with the default rules and lists every manager', () => {
    const { leaderboard } = computeStandings({ sport: 'football', managers, football: footballResults });
    // bob: CHE 1 + 4, MCI 1 + 7 = 13; ann: ARS 5 + 4, LIV 1 + 0 = 10; cat owns nothing.
    expect(leaderboard).toEqual([
      { rank: 1, userId: 'bob', displayName: 'BOB', points: 13, spent: 100, tiebreaks: { goals: 8, wins: 1 } },
      { rank: 2, userId: 'ann', displayName: 'ANN', points: 10, spent: 100, tiebreaks: { goals: 5, wins: 1 } },
      { rank: 3, userId: 'cat', displayName: 'CAT', points: 0, spent: 100, tiebreaks: { goals: 0, wins: 0 } },
    ]);
  });

  it('applies league rule overrides', () => {
    const { leaderboard } = computeStandings({
      sport: 'football',
      rules: { win: 2, draw: 0, goal: 2 },
      managers,
      football: footballResults,
    });
    // bob: CHE 2 + 6, MCI 0 + 10 = 18; ann: ARS 6 + 6, LIV 0 + 0 = 12.
    expect(leaderboard.map(({ userId, points }) => [userId, points])).toEqual([
      ['bob', 18],
      ['ann', 12],
      ['cat', 0],
    ]);
  });

  it('breaks a manager’s points down per match in natural match order', () => {
    const { breakdowns } = computeStandings({ sport: 'football', managers, football: footballResults });
    expect(breakdowns.get('ann')).toEqual({
      userId: 'ann',
      total: 10,
      matches: [
        { externalMatchId: 'M1', points: 5, assets: [{ assetId: 'asset-ARS', name: 'ARS', points: 5 }] },
        { externalMatchId: 'M2', points: 1, assets: [{ assetId: 'asset-LIV', name: 'LIV', points: 1 }] },
        { externalMatchId: 'M3', points: 4, assets: [{ assetId: 'asset-ARS', name: 'ARS', points: 4 }] },
        { externalMatchId: 'M10', points: 0, assets: [{ assetId: 'asset-LIV', name: 'LIV', points: 0 }] },
      ],
    });
    expect(breakdowns.get('cat')).toEqual({ userId: 'cat', total: 0, matches: [] });
  });

  it('lists both clubs when a manager owns both sides of a match', () => {
    const { breakdowns } = computeStandings({
      sport: 'football',
      managers: [manager('ann', ['ARS', 'CHE'])],
      football: [result('M1', 'ARS', 2, 1, 'CHE')],
    });
    expect(breakdowns.get('ann')?.matches).toEqual([
      {
        externalMatchId: 'M1',
        points: 6,
        assets: [
          { assetId: 'asset-ARS', name: 'ARS', points: 5 },
          { assetId: 'asset-CHE', name: 'CHE', points: 1 },
        ],
      },
    ]);
  });
});

describe('computeStandings: cricket', () => {
  const stats = [
    stat('T1', 'p1', { runs: 50, catches: 1 }),
    stat('T1', 'p2', { runs: 10, wickets: 3, stumpings: 1, runOuts: 1 }),
    stat('T2', 'p1', { wickets: 2, catches: 2 }),
    stat('T2', 'p3', { runs: 100 }),
  ];

  it('scores rosters with the default rules', () => {
    const { leaderboard, breakdowns } = computeStandings({
      sport: 'cricket',
      managers: [manager('bob', ['p3']), manager('ann', ['p1', 'p2'])],
      cricket: stats,
    });
    // ann: p1 60 + 60, p2 10 + 60 + 25 + 20 = 235; bob: p3 100.
    expect(leaderboard).toEqual([
      { rank: 1, userId: 'ann', displayName: 'ANN', points: 235, spent: 100, tiebreaks: { catches: 3, stumpings: 1, runOuts: 1 } },
      { rank: 2, userId: 'bob', displayName: 'BOB', points: 100, spent: 100, tiebreaks: { catches: 0, stumpings: 0, runOuts: 0 } },
    ]);
    expect(breakdowns.get('ann')).toEqual({
      userId: 'ann',
      total: 235,
      matches: [
        {
          externalMatchId: 'T1',
          points: 175,
          assets: [
            { assetId: 'asset-p1', name: 'p1', points: 60 },
            { assetId: 'asset-p2', name: 'p2', points: 115 },
          ],
        },
        { externalMatchId: 'T2', points: 60, assets: [{ assetId: 'asset-p1', name: 'p1', points: 60 }] },
      ],
    });
  });
});

describe('computeStandings: tie-breaks, one step at a time', () => {
  function order(input: Parameters<typeof computeStandings>[0]): string[] {
    return computeStandings(input).leaderboard.map((entry) => entry.userId);
  }

  it('football: equal points, more goals ranks first (even with fewer wins)', () => {
    // ann: draw 3-3 = 4 points, 3 goals, 0 wins. bob: win 1-0 = 4 points, 1 goal, 1 win.
    const football = [result('M1', 'A', 3, 3, 'X'), result('M2', 'B', 1, 0, 'Y')];
    const managers = [manager('bob', ['B'], { spent: 1, joinedAt: jan(1) }), manager('ann', ['A'], { spent: 99, joinedAt: jan(9) })];
    expect(order({ sport: 'football', managers, football })).toEqual(['ann', 'bob']);
  });

  it('football: equal points and goals, more wins ranks first', () => {
    // With win 1, draw 1, goal 1 — ann: win 1-0 = 2 points; bob: draw 1-1 = 2 points; both 1 goal.
    const football = [result('M1', 'A', 1, 0, 'X'), result('M2', 'B', 1, 1, 'Y')];
    const managers = [manager('bob', ['B'], { spent: 1, joinedAt: jan(1) }), manager('ann', ['A'], { spent: 99, joinedAt: jan(9) })];
    const rules = { win: 1, draw: 1, goal: 1 };
    expect(order({ sport: 'football', rules, managers, football })).toEqual(['ann', 'bob']);
  });

  it('equal points and stats: the lower spend ranks first', () => {
    const football = [result('M1', 'A', 1, 0, 'X'), result('M2', 'B', 1, 0, 'Y')];
    const managers = [manager('ann', ['A'], { spent: 91, joinedAt: jan(1) }), manager('bob', ['B'], { spent: 90, joinedAt: jan(9) })];
    expect(order({ sport: 'football', managers, football })).toEqual(['bob', 'ann']);
  });

  it('equal spend too: the earlier join ranks first', () => {
    const managers = [manager('ann', [], { joinedAt: jan(3) }), manager('bob', [], { joinedAt: jan(2) })];
    expect(order({ sport: 'football', managers })).toEqual(['bob', 'ann']);
  });

  it('equal everything: the user id decides, so the order is deterministic', () => {
    const managers = [manager('u-2', []), manager('u-10', []), manager('u-1', [])];
    const { leaderboard } = computeStandings({ sport: 'cricket', managers });
    expect(leaderboard.map((entry) => [entry.rank, entry.userId])).toEqual([
      [1, 'u-1'],
      [2, 'u-10'],
      [3, 'u-2'],
    ]);
  });

  // Every fielding act is worth 10 here, so points tie while the stats differ.
  const fielding = { run: 1, wicket: 10, catch: 10, stumping: 10, runOut: 10 };
  const late = { spent: 99, joinedAt: jan(9) };
  const early = { spent: 1, joinedAt: jan(1) };

  it('cricket: equal points, more catches ranks first (even with fewer stumpings)', () => {
    const cricket = [stat('T1', 'a', { catches: 1 }), stat('T1', 'b', { stumpings: 1 })];
    const managers = [manager('bob', ['b'], early), manager('ann', ['a'], late)];
    expect(order({ sport: 'cricket', rules: fielding, managers, cricket })).toEqual(['ann', 'bob']);
  });

  it('cricket: equal catches, more stumpings ranks first (even with fewer run-outs)', () => {
    const cricket = [stat('T1', 'a', { catches: 1, stumpings: 1 }), stat('T1', 'b', { catches: 1, runOuts: 1 })];
    const managers = [manager('bob', ['b'], early), manager('ann', ['a'], late)];
    expect(order({ sport: 'cricket', rules: fielding, managers, cricket })).toEqual(['ann', 'bob']);
  });

  it('cricket: equal catches and stumpings, more run-outs ranks first', () => {
    const cricket = [stat('T1', 'a', { runOuts: 1 }), stat('T1', 'b', { runs: 10 })];
    const managers = [manager('bob', ['b'], early), manager('ann', ['a'], late)];
    expect(order({ sport: 'cricket', rules: fielding, managers, cricket })).toEqual(['ann', 'bob']);
  });
});

/** A small deterministic generator so the larger tests are repeatable. */
function seeded(seed: number): (max: number) => number {
  let state = seed;
  return (max) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % (max + 1);
  };
}

function largeCricketLeague(managerCount: number, rosterSize: number, matchCount: number) {
  const next = seeded(42);
  const managers = Array.from({ length: managerCount }, (_, m) =>
    manager(
      `user-${m}`,
      Array.from({ length: rosterSize }, (_, p) => `player-${m}-${p}`),
      { spent: next(500), joinedAt: jan(1 + next(27)) },
    ),
  );
  const cricket = managers.flatMap((owner) =>
    owner.assets.flatMap((asset) =>
      Array.from({ length: matchCount }, (_, match) =>
        stat(`T${match + 1}`, asset.externalId, {
          runs: next(120),
          wickets: next(5),
          catches: next(3),
          stumpings: next(1),
          runOuts: next(1),
        }),
      ),
    ),
  );
  return { managers, cricket };
}

describe('computeStandings: consistency and speed', () => {
  it('makes every breakdown add up to the leaderboard points, with ranks 1..n', () => {
    const { managers, cricket } = largeCricketLeague(40, 11, 6);
    const { leaderboard, breakdowns } = computeStandings({ sport: 'cricket', managers, cricket });
    expect(leaderboard.map((entry) => entry.rank)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    for (const entry of leaderboard) {
      const breakdown = breakdowns.get(entry.userId);
      const matchSum = breakdown?.matches.reduce((sum, match) => sum + match.points, 0);
      const assetSums = breakdown?.matches.map((match) => match.assets.reduce((sum, asset) => sum + asset.points, 0));
      expect(breakdown?.total).toBe(entry.points);
      expect(matchSum).toBe(entry.points);
      expect(assetSums).toEqual(breakdown?.matches.map((match) => match.points));
    }
    for (let i = 1; i < leaderboard.length; i++) {
      expect(leaderboard[i - 1].points).toBeGreaterThanOrEqual(leaderboard[i].points);
    }
  });

  // Its speed is measured by `npm run bench:scoring` (recompute percentiles), never by a timed assertion here.
  it('ranks 500 managers × 11 players × 38 matches, each once, ranks 1..500', () => {
    const { managers, cricket } = largeCricketLeague(500, 11, 38);
    expect(cricket).toHaveLength(209_000);
    const { leaderboard } = computeStandings({ sport: 'cricket', managers, cricket });
    expect(leaderboard.map((entry) => entry.rank)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(new Set(leaderboard.map((entry) => entry.userId)).size).toBe(500);
  });
});
