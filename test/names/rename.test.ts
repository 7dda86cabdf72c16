import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startCluster, startRedisServer, type ClusterHandle, type RedisServerHandle } from '@auction/cluster';
import type { AuctionResults, AuctionSnapshot, League, Leaderboard } from '@auction/contracts';
import {
  Api,
  createTestDatabase,
  startTestStack,
  TEST_JWT_SECRET,
  type TestDatabase,
  type TestStack,
  type TestUser,
} from '@auction/testing';
import { ALL_SERVICES } from '../../apps/standalone/src/services.js';
import { startedAuction, type World } from '../integration/auction/support/world.js';

/** The longest a rename may take to reach every service's view (SPEC §8). */
const PROPAGATION_MS = 5000;

interface Deployment {
  api: Api;
  /** A statement on the deployment's own database (test setup only). */
  query(sql: string, values: unknown[]): Promise<unknown>;
  stop(): Promise<void>;
}

/** Every service in this process, as standalone mode hosts them (events delivered in-process). */
async function standalone(): Promise<Deployment> {
  const stack: TestStack = await startTestStack({ services: ALL_SERVICES });
  return { api: stack.api, query: (sql, values) => stack.runtime.database.pool.query(sql, values), stop: () => stack.close() };
}

/**
 * Separate processes behind nginx, two scoring replicas, events on Redis Streams:
 * each service's consumer group takes the event once, whichever replica reads it.
 */
async function cluster(): Promise<Deployment> {
  const database: TestDatabase = await createTestDatabase(inject('templateDatabase'));
  const redis: RedisServerHandle = await startRedisServer();
  const running: ClusterHandle = await startCluster({
    replicas: { auth: 1, leagues: 1, 'auction-engine': 1, scoring: 2 },
    databaseUrl: database.url,
    redisUrl: redis.url,
    env: { RATE_LIMITS: 'off', JWT_SECRET: TEST_JWT_SECRET },
    readyTimeoutMs: 90_000,
  });
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  return {
    api: new Api(running.url),
    query: (sql, values) => pool.query(sql, values),
    stop: async () => {
      await pool.end();
      await running.stop();
      await redis.stop();
      await database.drop();
    },
  };
}

describe.each([
  { mode: 'standalone: one process', deploy: standalone },
  { mode: 'cluster mode: separate processes, Redis Streams', deploy: cluster },
])('a display name change reaches every service — $mode', ({ deploy }) => {
  let deployment: Deployment;
  let world: World;
  let rival: TestUser;

  beforeAll(async () => {
    deployment = await deploy();
    world = await startedAuction(deployment, { managers: 1, assets: 2, settings: { rosterSize: 1 } });
    rival = world.managers[0]!;
    // testUser() mints tokens without an account; the rename needs the account in auth.
    await deployment.query('insert into auth.users (id, email, display_name) values ($1, $2, $3)', [
      rival.id,
      rival.email,
      rival.displayName,
    ]);
    const ended = await deployment.api.post(`/api/auctions/${world.auction.id}/end`, undefined, { token: world.commissioner.token });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
  }, 180_000);
  afterAll(() => deployment?.stop(), 60_000);

  const read = async <T>(path: string): Promise<T> => {
    const answer = await deployment.api.get<T>(path, { token: world.commissioner.token });
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
  const everywhere = (name: string) => ({ league: name, snapshot: name, results: name, leaderboard: name });

  it('league members, the auction snapshot, results and the leaderboard show the new name within 5 s', async () => {
    // The leaderboard lists the rival once scoring has the completed auction's rosters.
    await expect.poll(namesOfRival, { timeout: PROPAGATION_MS }).toEqual(everywhere(rival.displayName));

    const renamed = await deployment.api.patch('/api/auth/me', { displayName: '  Rival Rovers ' }, { token: rival.token });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body.displayName).toBe('Rival Rovers');

    await expect.poll(namesOfRival, { timeout: PROPAGATION_MS, interval: 50 }).toEqual(everywhere('Rival Rovers'));
    const board = await leaderboard();
    expect(board.entries.find((e) => e.userId === world.commissioner.id)?.displayName).toBe(world.commissioner.displayName);
  });

  it('refuses a bad name and changes nothing anywhere', async () => {
    const current = (await namesOfRival()).league!;
    for (const displayName of ['', '   ', 'x'.repeat(61)]) {
      const answer = await deployment.api.patch('/api/auth/me', { displayName }, { token: rival.token });
      expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 422, code: 'VALIDATION_FAILED' });
    }
    expect((await deployment.api.patch('/api/auth/me', { displayName: 'Ok', email: 'x@y.z' }, { token: rival.token })).status).toBe(422);
    expect(await namesOfRival()).toEqual(everywhere(current));
  });
});
