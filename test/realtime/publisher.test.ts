import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServerHandle } from '@auction/cluster';
import { loadConfig } from '@auction/config';
import { createRedisClient } from '@auction/db';
import { metricsRegistry } from '@auction/observability';
import { RealtimePublisher } from '@auction/realtime';
import { TEST_JWT_SECRET, waitFor } from '@auction/testing';

async function failedPublishes(): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric('realtime_publish_failures_total')!.get();
  return metric.values[0]?.value ?? 0;
}

describe('RealtimePublisher through the Redis emitter', () => {
  let server: RedisServerHandle;
  let publisher: RealtimePublisher;

  beforeAll(async () => {
    server = await startRedisServer();
    const config = loadConfig(
      { DATABASE_URL: 'postgres://localhost/unused', REDIS_URL: server.url, JWT_SECRET: TEST_JWT_SECRET },
      { mode: 'cluster', service: 'leagues' },
    );
    publisher = new RealtimePublisher(config);
  });
  afterAll(async () => {
    publisher.onApplicationShutdown();
    await server.stop();
  });

  it('delivers to subscribers of the Socket.IO channel while Redis is up', async () => {
    const subscriber = createRedisClient(server.url, 'publisher-test-sub');
    await subscriber.psubscribe('socket.io#/#*');
    const received = waitFor<string>((listener) => {
      const onMessage = (_pattern: string, channel: string) => listener(channel);
      subscriber.on('pmessage', onMessage);
      return () => subscriber.off('pmessage', onMessage);
    });
    publisher.emit('league:abc', 'league:presence', { leagueId: 'abc', online: [] });
    expect(await received).toContain('league:abc');
    subscriber.disconnect();
  });

  it('counts, and survives, broadcasts while Redis is down', async () => {
    const before = await failedPublishes();
    await server.stop();
    publisher.emit('league:abc', 'league:presence', { leagueId: 'abc', online: [] });
    await expect.poll(failedPublishes, { timeout: 5000 }).toBe(before + 1);
  });
});
