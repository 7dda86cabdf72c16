import { Redis, type RedisOptions } from 'ioredis';

export { Redis } from 'ioredis';

/**
 * Redis clients that never crash the process and never block a request for long:
 * reconnect forever with a capped backoff, fail commands fast while disconnected.
 */
export function createRedisClient(url: string, purpose: string, overrides: RedisOptions = {}): Redis {
  const client = new Redis(url, {
    connectionName: purpose,
    lazyConnect: false,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
    ...overrides,
  });
  client.on('error', () => undefined);
  return client;
}

export async function pingRedis(client: Redis | undefined, timeoutMs = 500): Promise<boolean> {
  if (!client || client.status !== 'ready') return false;
  try {
    const answer = await Promise.race([
      client.ping(),
      new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref()),
    ]);
    return answer === 'PONG';
  } catch {
    return false;
  }
}
