import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServerHandle } from '@auction/cluster';
import { startTestStack, type TestStack } from '@auction/testing';
import { authService } from '@auction/auth';

describe('health endpoints', () => {
  let redis: RedisServerHandle;
  let stack: TestStack;

  beforeAll(async () => {
    redis = await startRedisServer();
    stack = await startTestStack({ services: [authService], env: { REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await stack.close();
    await redis.stop();
  });

  it('reports every dependency as ok', async () => {
    const health = await stack.api.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', checks: { database: 'ok', redis: 'ok' } });
  });

  it('exports each dependency check on every scrape as dependency_up', async () => {
    const metrics = await fetch(`${stack.url}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(/^dependency_up\{dependency="database"\} 1$/m);
    expect(metrics).toMatch(/^dependency_up\{dependency="redis"\} 1$/m);
  });

  it('answers 503 degraded while Redis is down, yet stays ready for traffic, and recovers', async () => {
    await redis.stop();
    const health = await stack.api.get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: 'degraded', checks: { database: 'ok', redis: 'down' } });
    expect((await stack.api.get('/health/ready')).status).toBe(200);
    expect((await stack.api.get('/health/live')).status).toBe(200);
    const metrics = await fetch(`${stack.url}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(/^dependency_up\{dependency="redis"\} 0$/m);
    expect(metrics).toMatch(/^dependency_up\{dependency="database"\} 1$/m);

    await redis.restart();
    await expect.poll(async () => (await stack.api.get('/api/health')).status, { timeout: 5000 }).toBe(200);
  });

  it('is not ready when the database is unreachable', async () => {
    await stack.runtime.database.pool.end();
    const ready = await stack.api.get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.database).toBe('down');
  });
});
