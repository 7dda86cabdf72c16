import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuctionResults, AuctionSnapshot, League, Leaderboard } from '@auction/contracts';
import { startTestStack, type TestStack, type TestUser } from '@auction/testing';
import { ALL_SERVICES } from '../../apps/standalone/src/services.js';
import { startedAuction, type World } from '../../libs/auction/feature/test/support/world.js';

/** The longest a rename may take to reach every service's view (SPEC §8). */
const PROPAGATION_MS = 5000;

describe.each([
  { mode: 'standalone (in-process events)', redis: false },
  { mode: 'cluster mode (events on Redis Streams)', redis: true },
])('a display name change reaches every service: $mode', ({ redis }) => {
  let stack: TestStack;
  let world: World;
  let rival: TestUser;

  beforeAll(async () => {
    stack = await startTestStack({ services: ALL_SERVICES, redis });
    world = await startedAuction(stack, { managers: 1, assets: 2, settings: { rosterSize: 1 } });
    rival = world.managers[0]!;
    // testUser() mints tokens without an account; the rename needs the account in auth.
    await stack.runtime.database.pool.query('insert into auth.users (id, email, display_name) values ($1, $2, $3)', [rival.id, rival.email, rival.displayName]);
    const ended = await stack.api.post(`/api/auctions/${world.auction.id}/end`, undefined, { token: world.commissioner.token });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
  });
  afterAll(() => stack.close());

  const read = async <T>(path: string): Promise<T> => {
    const answer = await stack.api.get<T>(path, { token: world.commissioner.token });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body;
  };
  const leaderboard = () => read<Leaderboard>(`/api/scoring/leagues/${world.leagueId}/leaderboard`);

  /** The rival's name as each service shows it. */
  async function namesOfRival(): Promise<Record<string, string | undefined>> {
    const [league, snapshot, results, board] = await Promise.all([
      read<League>(`/api/leagues/${world.leagueId}`),
      read<AuctionSnapshot>(`/api/auctions/${world.auction.id}`),
      read<AuctionResults>(`/api/auctions/${world.auction.id}/results`),
      leaderboard(),
    ]);
    return {
      league: league.members.find((m) => m.userId === rival.id)?.displayName,
      snapshot: snapshot.managers.find((m) => m.userId === rival.id)?.displayName,
      results: results.managers.find((m) => m.userId === rival.id)?.displayName,
      leaderboard: board.entries.find((e) => e.userId === rival.id)?.displayName,
    };
  }

  it('league members, the auction snapshot, results and the leaderboard show the new name within 5 s', async () => {
    const before = rival.displayName;
    // The leaderboard lists the rival once scoring has the completed auction's rosters.
    await expect.poll(namesOfRival, { timeout: PROPAGATION_MS }).toEqual({ league: before, snapshot: before, results: before, leaderboard: before });

    const renamed = await stack.api.patch('/api/auth/me', { displayName: '  Rival Rovers ' }, { token: rival.token });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body.displayName).toBe('Rival Rovers');

    const everywhere = { league: 'Rival Rovers', snapshot: 'Rival Rovers', results: 'Rival Rovers', leaderboard: 'Rival Rovers' };
    await expect.poll(namesOfRival, { timeout: PROPAGATION_MS, interval: 50 }).toEqual(everywhere);
    // The commissioner's name did not move.
    const board = await leaderboard();
    expect(board.entries.find((e) => e.userId === world.commissioner.id)?.displayName).toBe(world.commissioner.displayName);
  });

  it('refuses a bad name and changes nothing anywhere', async () => {
    const current = (await namesOfRival()).league;
    for (const displayName of ['', '   ', 'x'.repeat(61)]) {
      const answer = await stack.api.patch('/api/auth/me', { displayName }, { token: rival.token });
      expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 422, code: 'VALIDATION_FAILED' });
    }
    expect((await stack.api.patch('/api/auth/me', { displayName: 'Ok', email: 'x@y.z' }, { token: rival.token })).status).toBe(422);
    expect(await namesOfRival()).toEqual({ league: current, snapshot: current, results: current, leaderboard: current });
  });
});
