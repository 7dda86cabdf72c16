import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServerHandle } from '@auction/cluster';
import { TestSmtpServer, startTestStack, type TestStack } from '@auction/testing';
import { authService } from '@auction/auth';
import { mailedToken } from './support.js';

describe('rate limits on sign-in, shared through Redis with an in-memory insurance', () => {
  const smtp = new TestSmtpServer();
  let redis: RedisServerHandle;
  let stack: TestStack;
  let nextIp = 1;
  const freshIp = () => `203.0.113.${nextIp++}`;

  beforeAll(async () => {
    redis = await startRedisServer();
    stack = await startTestStack({
      services: [authService],
      env: { SMTP_URL: await smtp.start(), REDIS_URL: redis.url, RATE_LIMITS: 'on' },
    });
  });
  afterAll(async () => {
    redis.thaw();
    await stack.close();
    await redis.stop();
    await smtp.stop();
  });

  const requestLink = (email: string, ip: string) =>
    stack.api.post('/api/auth/magic-link', { email }, { headers: { 'x-forwarded-for': ip } });

  it('allows 3 links per email per hour, then 429 RATE_LIMITED with Retry-After', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await requestLink('three@club.test', freshIp())).status);
    expect(statuses).toEqual([202, 202, 202, 429]);
    const refused = await requestLink('THREE@club.test', freshIp());
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3000);
  });

  it('allows 30 links per clubhouse IP per minute, refusing the 31st for at most a minute', async () => {
    const ip = freshIp();
    const answers = await Promise.all(Array.from({ length: 31 }, (_, i) => requestLink(`member${i}@club.test`, ip)));
    expect(answers.filter((a) => a.status === 202)).toHaveLength(30);
    const refused = answers.find((a) => a.status === 429)!;
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await requestLink('member-elsewhere@club.test', freshIp())).status).toBe(202);
  });

  it('blocks an IP after 10 failed verifications, even for a valid token', async () => {
    const ip = freshIp();
    const token = await mailedToken(stack, smtp, 'patient@club.test', freshIp());
    for (let i = 0; i < 10; i++) {
      const failed = await stack.api.post(
        '/api/auth/verify-magic-link',
        { token: `wrong-${i}-${'x'.repeat(30)}` },
        { headers: { 'x-forwarded-for': ip } },
      );
      expect(failed.body.code).toBe('TOKEN_INVALID');
    }
    const blocked = await stack.api.post('/api/auth/verify-magic-link', { token }, { headers: { 'x-forwarded-for': ip } });
    expect(blocked.status).toBe(429);
    const elsewhere = await stack.api.post('/api/auth/verify-magic-link', { token }, { headers: { 'x-forwarded-for': freshIp() } });
    expect(elsewhere.status).toBe(200);
  });

  it('counts failed verifications before judging them: of 60 concurrent wrong tokens from one address, 10 are judged, 50 get 429', async () => {
    const ip = freshIp();
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        stack.api.post('/api/auth/verify-magic-link', { token: `burst-${i}-${'x'.repeat(30)}` }, { headers: { 'x-forwarded-for': ip } }),
      ),
    );
    expect(answers.filter((a) => a.status === 401).map((a) => a.body.code)).toEqual(Array(10).fill('TOKEN_INVALID'));
    expect(answers.filter((a) => a.status === 429).map((a) => a.body.code)).toEqual(Array(50).fill('RATE_LIMITED'));
  });

  it('gives the point back on a successful sign-in, so members sharing an address are not locked out', async () => {
    const ip = freshIp();
    for (let i = 0; i < 12; i++) {
      const token = await mailedToken(stack, smtp, `sharer${i}@club.test`, freshIp());
      expect((await stack.api.post('/api/auth/verify-magic-link', { token }, { headers: { 'x-forwarded-for': ip } })).status).toBe(200);
    }
  });

  it('keeps answering within a second, with limits, while Redis is stopped or frozen', async () => {
    await redis.stop();
    const ip = freshIp();
    const timed = async (email: string) => {
      const started = performance.now();
      const answer = await requestLink(email, ip);
      return { status: answer.status, ms: performance.now() - started };
    };
    const whileDown = [];
    for (let i = 0; i < 4; i++) whileDown.push(await timed('down@club.test'));
    expect(whileDown.map((a) => a.status)).toEqual([202, 202, 202, 429]);
    expect(Math.max(...whileDown.map((a) => a.ms))).toBeLessThan(1000);

    await redis.restart();
    redis.freeze();
    const whileFrozen = await timed('frozen@club.test');
    expect(whileFrozen.status).toBe(202);
    expect(whileFrozen.ms).toBeLessThan(1000);
    redis.thaw();
  });
});
