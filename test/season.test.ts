import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, startTestStack, type TestStack } from '@auction/testing';
import { ALL_SERVICES } from '../apps/standalone/src/services.js';
import { bid, snapshot, startedAuction, type World } from './integration/auction/support/world.js';

/** One season across every service, in one process as standalone mode hosts them. */
describe('a season: auction → rosters in scoring → fixtures and results → leaderboard', () => {
  const clock = new ManualClock(new Date('2026-08-01T18:00:00.000Z'));
  let stack: TestStack;
  let world: World;

  beforeAll(async () => {
    stack = await startTestStack({ services: ALL_SERVICES, clock });
  });
  afterAll(async () => {
    await stack.close();
  });

  const scoring = (path: string) => `/api/scoring/leagues/${world.leagueId}${path}`;

  it('scores the rosters the auction sold', async () => {
    world = await startedAuction(stack, {
      managers: 1,
      assets: 2,
      settings: { rosterSize: 1, bidTimerSeconds: 30, antiSnipeSeconds: 0 },
    });
    const [home, away] = world.assets;
    const rival = world.managers[0]!;
    expect((await bid(stack, world, world.commissioner, 9)).status).toBe(201);
    clock.advance(30_000);
    await expect.poll(async () => (await snapshot(stack, world)).currentLot?.asset.id, { timeout: 5000 }).toBe(away!.id);
    world = { ...world, auction: await snapshot(stack, world) };
    expect((await bid(stack, world, rival, 4)).status).toBe(201);
    clock.advance(30_000);
    await expect.poll(async () => (await snapshot(stack, world)).status, { timeout: 5000 }).toBe('completed');

    const token = world.commissioner.token;
    await expect
      .poll(
        async () => (await stack.api.get(scoring('/leaderboard'), { token })).body.entries?.map((e: { spent: number }) => e.spent).sort(),
        { timeout: 5000 },
      )
      .toEqual([4, 9]);

    const fixtures = `externalMatchId,startsAt,homeTeam,awayTeam,competition\nM1,2026-08-15T14:00:00Z,${home!.name},${away!.shortName},EPL\n`;
    const imported = await stack.api.post(scoring('/fixtures'), undefined, { token, raw: { contentType: 'text/csv', body: fixtures } });
    expect(imported.body).toEqual({ format: 'fixtures-csv', dryRun: false, inserted: 1, updated: 0, errors: [] });
    const results = await stack.api.post(scoring('/results'), undefined, {
      token,
      raw: { contentType: 'text/csv', body: 'externalMatchId,homeGoals,awayGoals\nM1,2,1\n' },
    });
    expect(results.status).toBe(200);

    const leaderboard = await stack.api.get(scoring('/leaderboard'), { token: rival.token });
    expect(leaderboard.body.entries).toEqual([
      expect.objectContaining({ rank: 1, userId: world.commissioner.id, points: 3 + 2, spent: 9, tiebreaks: { goals: 2, wins: 1 } }),
      expect.objectContaining({ rank: 2, userId: rival.id, points: 1, spent: 4, tiebreaks: { goals: 1, wins: 0 } }),
    ]);
    const breakdown = await stack.api.get(scoring(`/managers/${world.commissioner.id}/breakdown`), { token: rival.token });
    expect(breakdown.body).toMatchObject({
      total: 5,
      matches: [{ externalMatchId: 'M1', points: 5, assets: [{ assetId: home!.id, points: 5 }] }],
    });

    const mine = await stack.api.get('/api/me/competitions', { token: rival.token });
    expect(mine.body.items).toEqual([expect.objectContaining({ leagueId: world.leagueId, status: 'completed', rank: 2, points: 1 })]);
  });
});
