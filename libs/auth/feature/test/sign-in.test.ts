import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, TestSmtpServer, startTestStack, type TestStack } from '@auction/testing';
import { authService, MAGIC_LINK_TTL_MS } from '@auction/auth';

describe('sign-in with a mailed link', () => {
  const smtp = new TestSmtpServer();
  const clock = new ManualClock();
  let stack: TestStack;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    stack = await startTestStack({ services: [authService], env: { SMTP_URL: smtpUrl, PUBLIC_URL: 'https://club.example' }, clock });
  });
  afterAll(async () => {
    await stack.close();
    await smtp.stop();
  });

  async function requestLink(email: string) {
    const answer = await stack.api.post('/api/auth/magic-link', { email });
    expect(answer.status).toBe(202);
    return smtp.nextMail(email.trim().toLowerCase());
  }

  it('mails a link built from PUBLIC_URL that signs in and creates the user once', async () => {
    const mail = await requestLink('  New.Member@Club.Test ');
    expect(mail.link).toMatch(/^https:\/\/club\.example\/auth\/callback\?token=[A-Za-z0-9_-]{43}$/);

    const signIn = await stack.api.post('/api/auth/verify-magic-link', { token: mail.token });
    expect(signIn.status).toBe(200);
    expect(signIn.body).toMatchObject({ expiresIn: 900, user: { email: 'new.member@club.test', displayName: 'new.member' } });

    const again = await requestLink('new.member@club.test');
    const second = await stack.api.post('/api/auth/verify-magic-link', { token: again.token });
    expect(second.body.user.id).toBe(signIn.body.user.id);

    const me = await stack.api.get('/api/auth/me', { token: second.body.accessToken });
    expect(me.body).toEqual(signIn.body.user);
  });

  it('refuses a used link with TOKEN_USED and an expired one with TOKEN_EXPIRED', async () => {
    const used = await requestLink('twice@club.test');
    await stack.api.post('/api/auth/verify-magic-link', { token: used.token });
    const reuse = await stack.api.post('/api/auth/verify-magic-link', { token: used.token });
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('TOKEN_USED');
    expect(reuse.headers.get('content-type')).toContain('application/problem+json');

    const stale = await requestLink('late@club.test');
    clock.advance(MAGIC_LINK_TTL_MS + 1);
    const expired = await stack.api.post('/api/auth/verify-magic-link', { token: stale.token });
    expect(expired.body.code).toBe('TOKEN_EXPIRED');
  });
});
