import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import pg from 'pg';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auctionService } from '@auction/auction';
import { authService } from '@auction/auth';
import { ACCESS_TOKEN } from '@auction/auth-guard';
import { leaguesService } from '@auction/leagues';
import { TEST_JWT_SECRET, TestSmtpServer, startTestStack, type TestStack } from '@auction/testing';
import { signIn } from '../../../libs/auth/feature/test/support.js';

/** A correctly signed token with the given claims (issuer and audience right), as a forger holding the key would make. */
function signed(claims: Record<string, unknown>): string {
  return jwt.sign(claims, TEST_JWT_SECRET, {
    algorithm: ACCESS_TOKEN.algorithm,
    issuer: ACCESS_TOKEN.issuer,
    audience: ACCESS_TOKEN.audience,
  });
}

const inAMinute = () => Math.floor(Date.now() / 1000) + 60;

describe('access tokens: required claims, and users that no longer exist', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({
      services: [authService, leaguesService, auctionService],
      env: { SMTP_URL: await smtp.start(), LOG_LEVEL: 'error' },
    });
  });
  afterAll(async () => {
    await stack.close();
    await smtp.stop();
  });

  const socketRefusal = (token: string) =>
    new Promise<string | undefined>((resolve) => {
      const socket = io(stack.url, { path: '/socket.io', auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
      socket.once('connect', () => {
        socket.close();
        resolve('connected');
      });
      socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
        socket.close();
        resolve(error.data?.code);
      });
    });

  it('refuses a signed token whose sub is not a UUID with 401 on every service and socket, never 500', async () => {
    const token = signed({ sub: 'not-a-uuid', email: 'x@club.test', name: 'X', exp: inAMinute() });
    for (const path of ['/api/auth/me', '/api/me/competitions', `/api/auctions/${randomUUID()}`]) {
      const answer = await stack.api.get(path, { token });
      expect(answer.status, path).toBe(401);
      expect(answer.body.code, path).toBe('TOKEN_INVALID');
    }
    const created = await stack.api.post('/api/leagues', { name: 'Forged', sport: 'football' }, { token });
    expect(created.status).toBe(401);
    expect(await socketRefusal(token)).toBe('TOKEN_INVALID');
  });

  it('refuses a signed token without exp', async () => {
    const token = signed({ sub: randomUUID(), email: 'forever@club.test', name: 'Forever' });
    expect((await stack.api.get('/api/me/competitions', { token })).body.code).toBe('TOKEN_INVALID');
    expect((await stack.api.get('/api/auth/me', { token })).status).toBe(401);
    expect(await socketRefusal(token)).toBe('TOKEN_INVALID');
    const withExp = signed({ sub: randomUUID(), email: 'ok@club.test', name: 'Ok', exp: inAMinute() });
    expect((await stack.api.get('/api/me/competitions', { token: withExp })).status).toBe(200);
  });

  it('refuses the tokens of a user who no longer exists: the profile answers 401 and the session cannot be refreshed', async () => {
    const session = await signIn(stack, smtp, 'erased@club.test');
    expect((await stack.api.get('/api/auth/me', { token: session.accessToken })).status).toBe(200);
    const client = new pg.Client({ connectionString: stack.database.url });
    await client.connect();
    await client.query('delete from auth.users where id = $1', [session.user.id]);
    await client.end();
    const me = await stack.api.get('/api/auth/me', { token: session.accessToken });
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('UNAUTHORIZED');
    const renamed = await stack.api.patch('/api/auth/me', { displayName: 'Ghost' }, { token: session.accessToken });
    expect(renamed.status).toBe(401);
    const refreshed = await stack.api.post('/api/auth/refresh', { refreshToken: session.refreshToken });
    expect(refreshed.status).toBe(401);
    expect(refreshed.body.code).toBe('TOKEN_INVALID');
  });
});
