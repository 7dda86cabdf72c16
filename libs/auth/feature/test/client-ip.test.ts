import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authService } from '@auction/auth';
import { TestSmtpServer, startTestStack, type TestStack } from '@auction/testing';

/** Express's compiled `trust proxy` setting: does a peer at `address` get its X-Forwarded-For believed? */
function trusts(stack: TestStack, address: string): boolean {
  const trust = stack.app.getHttpAdapter().getInstance().get('trust proxy fn') as (address: string, hop: number) => boolean;
  return trust(address, 0);
}

describe('client IP: X-Forwarded-For only from TRUSTED_PROXIES', () => {
  const smtp = new TestSmtpServer();
  let byDefault: TestStack;
  let behindIngress: TestStack;

  beforeAll(async () => {
    const env = { SMTP_URL: await smtp.start(), RATE_LIMITS: 'on' };
    byDefault = await startTestStack({ services: [authService], env });
    behindIngress = await startTestStack({ services: [authService], env: { ...env, TRUSTED_PROXIES: '10.42.0.0/16' } });
  });
  afterAll(async () => {
    await byDefault.close();
    await behindIngress.close();
    await smtp.stop();
  });

  it('trusts only loopback by default, never a private address', () => {
    expect(trusts(byDefault, '127.0.0.1')).toBe(true);
    expect(trusts(byDefault, '::1')).toBe(true);
    for (const address of ['10.1.2.3', '172.16.0.9', '192.168.1.20', 'fd12::1', '100.64.0.1', '203.0.113.5']) {
      expect(trusts(byDefault, address), address).toBe(false);
    }
  });

  it('trusts exactly the configured ranges when TRUSTED_PROXIES is set', () => {
    expect(trusts(behindIngress, '10.42.7.1')).toBe(true);
    expect(trusts(behindIngress, '10.43.0.1')).toBe(false);
    expect(trusts(behindIngress, '127.0.0.1')).toBe(false);
  });

  it('counts an untrusted peer by its own address whatever X-Forwarded-For it sends', async () => {
    // This test's requests come from 127.0.0.1, which `behindIngress` does not trust.
    const answers = [];
    for (let i = 0; i < 31; i++) {
      answers.push(
        await behindIngress.api.post(
          '/api/auth/magic-link',
          { email: `spoof${i}@club.test` },
          { headers: { 'x-forwarded-for': `198.51.100.${i}` } },
        ),
      );
    }
    expect(answers.filter((a) => a.status === 202)).toHaveLength(30);
    expect(answers.at(-1)!.body.code).toBe('RATE_LIMITED');
    // From a trusted proxy (loopback by default) the forwarded address is the client.
    for (let i = 0; i < 31; i++) {
      const answer = await byDefault.api.post(
        '/api/auth/magic-link',
        { email: `relayed${i}@club.test` },
        { headers: { 'x-forwarded-for': `198.51.100.${i}` } },
      );
      expect(answer.status).toBe(202);
    }
  });
});
