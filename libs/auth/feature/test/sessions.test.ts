import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, TestSmtpServer, startTestStack, type TestStack } from '@auction/testing';
import { REFRESH_FAMILY_LIFETIME_MS, REFRESH_REUSE_GRACE_MS, authService } from '@auction/auth';
import { signIn } from './support.js';

describe('sessions: refresh rotation, reuse, logout and profile', () => {
  const smtp = new TestSmtpServer();
  const clock = new ManualClock();
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ services: [authService], env: { SMTP_URL: await smtp.start(), LOG_LEVEL: 'error' }, clock });
  });
  afterAll(async () => {
    await stack.close();
    await smtp.stop();
  });

  const refresh = (refreshToken: string) => stack.api.post('/api/auth/refresh', { refreshToken });

  it('rotates the refresh token on every use and keeps the user', async () => {
    const session = await signIn(stack, smtp, 'rotate@club.test');
    const first = await refresh(session.refreshToken);
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(session.refreshToken);
    expect(first.body.user.id).toBe(session.user.id);
    const second = await refresh(first.body.refreshToken);
    expect(second.status).toBe(200);
    const me = await stack.api.get('/api/auth/me', { token: second.body.accessToken });
    expect(me.body.email).toBe('rotate@club.test');
  });

  it('lets two tabs refresh with the same token at once, then revokes the family on a late reuse', async () => {
    const session = await signIn(stack, smtp, 'tabs@club.test');
    const [tabA, tabB] = await Promise.all([refresh(session.refreshToken), refresh(session.refreshToken)]);
    expect([tabA.status, tabB.status]).toEqual([200, 200]);
    expect(tabA.body.refreshToken).toBe(tabB.body.refreshToken);

    clock.advance(REFRESH_REUSE_GRACE_MS + 1);
    const replay = await refresh(session.refreshToken);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('TOKEN_REVOKED');
    for (const descendant of [tabA.body.refreshToken, tabB.body.refreshToken]) {
      expect((await refresh(descendant)).body.code).toBe('TOKEN_REVOKED');
    }
  });

  it('answers 10 concurrent refreshes of one token with one successor: one live session, not 10 branches', async () => {
    const session = await signIn(stack, smtp, 'many-tabs@club.test');
    const answers = await Promise.all(Array.from({ length: 10 }, () => refresh(session.refreshToken)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    expect(new Set(answers.map((answer) => answer.body.refreshToken)).size).toBe(1);
    expect(await liveRefreshTokens(session.user.id)).toBe(1);
    // A reuse later inside the grace changes nothing either.
    clock.advance(REFRESH_REUSE_GRACE_MS - 1000);
    expect((await refresh(session.refreshToken)).body.refreshToken).toBe(answers[0]!.body.refreshToken);
    expect(await liveRefreshTokens(session.user.id)).toBe(1);
    const next = await refresh(answers[0]!.body.refreshToken);
    expect(next.status).toBe(200);
    expect(await liveRefreshTokens(session.user.id)).toBe(1);
  });

  async function liveRefreshTokens(userId: string): Promise<number> {
    const client = new pg.Client({ connectionString: stack.database.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        'select count(*)::int as n from auth.refresh_tokens where user_id = $1 and used_at is null and revoked_at is null',
        [userId],
      );
      return rows[0].n;
    } finally {
      await client.end();
    }
  }

  it('ends a session at logout and after 30 days whatever the rotation', async () => {
    const session = await signIn(stack, smtp, 'leaver@club.test');
    const out = await stack.api.post('/api/auth/logout', { refreshToken: session.refreshToken }, { token: session.accessToken });
    expect(out.status).toBe(204);
    expect((await refresh(session.refreshToken)).status).toBe(401);

    const long = await signIn(stack, smtp, 'long@club.test');
    let token = long.refreshToken;
    clock.advance(REFRESH_FAMILY_LIFETIME_MS - 60_000);
    const late = await refresh(token);
    expect(late.status).toBe(200);
    token = late.body.refreshToken;
    clock.advance(120_000);
    const expired = await refresh(token);
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('TOKEN_EXPIRED');
  });

  it('does not let one user log out another user’s session', async () => {
    const victim = await signIn(stack, smtp, 'victim@club.test');
    const other = await signIn(stack, smtp, 'other@club.test');
    await stack.api.post('/api/auth/logout', { refreshToken: victim.refreshToken }, { token: other.accessToken });
    expect((await refresh(victim.refreshToken)).status).toBe(200);
  });

  it('renames the user and refuses bad input without changing anything', async () => {
    const session = await signIn(stack, smtp, 'named@club.test');
    const renamed = await stack.api.patch('/api/auth/me', { displayName: '  Sam Keeper ' }, { token: session.accessToken });
    expect(renamed.body.displayName).toBe('Sam Keeper');

    for (const body of [{ displayName: '' }, { displayName: 'x'.repeat(61) }, { displayName: 'Ok', admin: true }, {}]) {
      const refused = await stack.api.patch('/api/auth/me', body, { token: session.accessToken });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
    }
    const malformed = await stack.api.request<any>('PATCH', '/api/auth/me', undefined, {
      token: session.accessToken,
      raw: { contentType: 'application/json', body: '{"displayName":' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
    expect((await stack.api.get('/api/auth/me', { token: session.accessToken })).body.displayName).toBe('Sam Keeper');
  });

  it('refuses missing, forged, wrongly signed and expired access tokens', async () => {
    expect((await stack.api.get('/api/auth/me')).body.code).toBe('UNAUTHORIZED');
    expect((await stack.api.get('/api/auth/me', { token: 'not.a.jwt' })).status).toBe(401);

    const session = await signIn(stack, smtp, 'forger@club.test');
    const [, payload, signature] = session.accessToken.split('.');
    const algNone = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    expect((await stack.api.get('/api/auth/me', { token: algNone })).status).toBe(401);
    const tampered = `${session.accessToken.split('.')[0]}.${Buffer.from('{"sub":"someone-else"}').toString('base64url')}.${signature}`;
    expect((await stack.api.get('/api/auth/me', { token: tampered })).status).toBe(401);

    // Issue a token an hour in the past: it expired 45 minutes ago by the real clock.
    clock.advance(Date.now() - clock.now().getTime() - 3600_000);
    const old = await signIn(stack, smtp, 'stale@club.test');
    const expired = await stack.api.get('/api/auth/me', { token: old.accessToken });
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('TOKEN_EXPIRED');
  });
});
