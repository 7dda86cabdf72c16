import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@auction/testing';
import {
  OPENAPI_PATHS,
  SERVICES,
  startCluster,
  startRedisServer,
  waitUntil,
  type ClusterHandle,
  type RedisServerHandle,
} from '../src/index.js';

/**
 * Cluster mode for real: every service as its own process (auction-engine twice) on a fresh
 * database and a Redis of its own, behind the generated nginx.
 * Needs the build: `npm test` builds first; alone, run `npx tsc -b tsconfig.build.json` before.
 */
const TITLES: Record<(typeof SERVICES)[number], string> = {
  auth: 'Auth service',
  leagues: 'Leagues service',
  'auction-engine': 'Auction service',
  scoring: 'Scoring service',
};

describe('startCluster: replicas behind nginx', () => {
  let database: TestDatabase;
  let redis: RedisServerHandle;
  let cluster: ClusterHandle;

  beforeAll(async () => {
    database = await createTestDatabase(inject('templateDatabase'));
    redis = await startRedisServer();
    cluster = await startCluster({
      replicas: { auth: 1, leagues: 1, 'auction-engine': 2, scoring: 1 },
      databaseUrl: database.url,
      redisUrl: redis.url,
      env: { RATE_LIMITS: 'off' },
      readyTimeoutMs: 90_000,
    });
  }, 180_000);

  afterAll(async () => {
    await cluster?.stop();
    await redis?.stop();
    await database?.drop();
  }, 60_000);

  async function get(url: string, headers: Record<string, string> = {}) {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
    const text = await response.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: response.status, text, json, headers: response.headers };
  }

  it('runs each replica as its own process on its own port', () => {
    expect(cluster.replicas.map((r) => `${r.service}#${r.index}`)).toEqual([
      'auth#0',
      'leagues#0',
      'auction-engine#0',
      'auction-engine#1',
      'scoring#0',
    ]);
    expect(new Set(cluster.replicas.map((r) => r.pid)).size).toBe(5);
    expect(cluster.replicas.every((r) => r.running && r.pid > 0)).toBe(true);
  });

  it('answers GET /api/health through nginx with the database and Redis up', async () => {
    const health = await get(`${cluster.url}/api/health`);
    expect(health.status).toBe(200);
    expect(health.json).toEqual({ status: 'ok', checks: { database: 'ok', redis: 'ok' } });
  });

  it('tells the web client at /config.json that error reporting is off (no SENTRY_DSN), as the web image does', async () => {
    const config = await get(`${cluster.url}/config.json`);
    expect(config.status).toBe(200);
    expect(config.json).toEqual({ sentry: null });
  });

  it.each(SERVICES)('routes the OpenAPI document of %s to that service', async (service) => {
    const doc = await get(`${cluster.url}${OPENAPI_PATHS[service]}`, { 'x-request-id': `docs-${service}` });
    expect(doc.status).toBe(200);
    expect(doc.json.info.title).toBe(TITLES[service]);
    expect(doc.headers.get('x-request-id')).toBe(`docs-${service}`);
  });

  it('does not expose /internal routes on the public port, only on the internal one', async () => {
    for (const path of ['/internal/auth/users', '/internal/leagues/leagues', '/internal/auctions/x', '/internal/scoring/y']) {
      const outside = await get(`${cluster.url}${path}`);
      expect(outside.status, path).toBe(404);
      expect(outside.headers.get('x-request-id'), `${path} must not reach a service`).toBeNull();
      // The internal listener hands it to the owning service, which answers (and echoes the request id) itself.
      const inside = await get(`${cluster.internalUrl}${path}`, { 'x-request-id': 'internal-1' });
      expect(inside.headers.get('x-request-id'), path).toBe('internal-1');
    }
  });

  it('routes Socket.IO polling to auction-engine, not to nginx or the web client', async () => {
    const answer = await get(`${cluster.url}/socket.io/?EIO=4&transport=polling`, { 'x-request-id': 'sio-1' });
    expect(answer.status).not.toBe(502);
    expect(answer.text).not.toMatch(/<html|<!doctype/i);
    // Either the engine.io handshake (`0{"sid":...}`, a gateway exists) or the service's own problem+json.
    const fromEngine = /^0\{"sid"/.test(answer.text) || typeof answer.json?.code === 'number';
    const fromService = answer.headers.get('x-request-id') === 'sio-1';
    expect(fromEngine || fromService).toBe(true);
  });

  it('lets a Socket.IO client reach auction-engine over WebSocket through nginx', async () => {
    const socket = io(cluster.url, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      timeout: 10_000,
      auth: { token: 'not-a-token' },
    });
    try {
      const outcome = await new Promise<string>((resolve) => {
        socket.once('connect', () => resolve('connect'));
        socket.once('connect_error', (error: Error & { type?: string; data?: { code?: string } }) =>
          resolve(error.data?.code ? `refused:${error.data.code}` : `connect_error:${error.type ?? error.message}`),
        );
      });
      // A refusal by the gateway (no valid token) and a successful connect both prove the route.
      expect(outcome).toMatch(/^(connect|refused:|connect_error:)/);
    } finally {
      socket.disconnect();
    }
  });

  it('keeps /api/auctions answering when an auction-engine replica is killed, and restarts it', async () => {
    // nginx may prefer either replica, so each one in turn is killed and brought back.
    for (const index of [0, 1]) {
      const pid = cluster.replicas.find((r) => r.service === 'auction-engine' && r.index === index)!.pid;
      await cluster.kill('auction-engine', index);
      expect(cluster.replicas.find((r) => r.service === 'auction-engine' && r.index === index)!.running).toBe(false);
      for (let i = 0; i < 6; i++) expect((await get(`${cluster.url}/api/auctions/docs-json`)).status).toBe(200);
      const back = await cluster.restart('auction-engine', index);
      expect(back.running).toBe(true);
      expect(back.pid).not.toBe(pid);
    }
    expect((await get(`${cluster.url}/api/auctions/docs-json`)).status).toBe(200);
  });

  it('reports Redis down while it is stopped and recovers when it is back', async () => {
    await redis.kill();
    await waitUntil(async () => (await get(`${cluster.url}/api/health`)).json?.checks?.redis === 'down', {
      timeoutMs: 20_000,
      what: 'redis: down',
    });
    expect((await get(`${cluster.url}/api/health`)).status).toBe(503);
    await redis.restart();
    await waitUntil(async () => (await get(`${cluster.url}/api/health`)).status === 200, { timeoutMs: 30_000, what: 'health back to 200' });
  });

  it('stops every process it started', async () => {
    const pids = cluster.replicas.map((r) => r.pid);
    await cluster.stop();
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
    await expect(fetch(`${cluster.url}/api/health`)).rejects.toThrow();
  });
});

describe('startCluster: a replica from another build', () => {
  // Refused before anything starts (no database, Redis or process is touched).
  it('refuses a build folder for a replica the cluster does not have', async () => {
    await expect(
      startCluster({ replicas: { 'auction-engine': 2 }, replicaRootDirs: { 'auction-engine': { 2: '/elsewhere' } } }),
    ).rejects.toThrow('replicaRootDirs names auction-engine#2, beyond its 2 replicas');
  });

  it('refuses a build folder without that service built', async () => {
    await expect(startCluster({ replicaRootDirs: { scoring: { 0: '/nonexistent' } } })).rejects.toThrow(
      '/nonexistent/apps/scoring/dist/main.js is missing',
    );
  });
});
