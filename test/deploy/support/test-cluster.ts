import { afterAll, beforeAll, inject } from 'vitest';
import { startCluster, startRedisServer, type ClusterHandle, type ClusterOptions, type RedisServerHandle } from '@auction/cluster';
import { Api, createTestDatabase, TEST_JWT_SECRET, type TestDatabase } from '@auction/testing';

export interface TestCluster {
  database: TestDatabase;
  redis: RedisServerHandle;
  cluster: ClusterHandle;
  /** Through nginx, as clients reach it. */
  api: Api;
}

/**
 * Cluster mode for one test file: its own database (a copy of the migrated template) and its own
 * Redis, rate limits off and the test JWT secret, stopped after the file. The fields are set once
 * `beforeAll` has run. Boot is generous: a replica can take a minute on a busy machine.
 */
export function useTestCluster(options: Omit<ClusterOptions, 'databaseUrl' | 'redisUrl'>): TestCluster {
  const handle = {} as TestCluster;
  beforeAll(async () => {
    handle.database = await createTestDatabase(inject('templateDatabase'));
    handle.redis = await startRedisServer();
    handle.cluster = await startCluster({
      readyTimeoutMs: 180_000,
      ...options,
      env: { RATE_LIMITS: 'off', JWT_SECRET: TEST_JWT_SECRET, ...options.env },
      databaseUrl: handle.database.url,
      redisUrl: handle.redis.url,
    });
    handle.api = new Api(handle.cluster.url);
  }, 400_000);
  afterAll(async () => {
    await handle.cluster?.stop();
    await handle.redis?.stop();
    await handle.database?.drop();
  }, 60_000);
  return handle;
}
