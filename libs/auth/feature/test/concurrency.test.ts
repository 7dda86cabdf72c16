import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { TestSmtpServer, startTestStack, type TestStack } from '@auction/testing';
import { authService } from '@auction/auth';
import { mailedToken } from './support.js';

describe('a sign-in link under concurrency', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ services: [authService], env: { SMTP_URL: await smtp.start() } });
  });
  afterAll(async () => {
    await stack.close();
    await smtp.stop();
  });

  it('is consumed exactly once when verified by many requests at the same moment', async () => {
    const token = await mailedToken(stack, smtp, 'race@club.test');
    const answers = await Promise.all(Array.from({ length: 12 }, () => stack.api.post('/api/auth/verify-magic-link', { token })));
    const winners = answers.filter((a) => a.status === 200);
    expect(winners).toHaveLength(1);
    expect(answers.filter((a) => a.body.code === 'TOKEN_USED')).toHaveLength(11);

    const client = new pg.Client({ connectionString: stack.database.url });
    await client.connect();
    const users = await client.query(`select count(*)::int as n from auth.users where email = 'race@club.test'`);
    const families = await client.query(`select count(distinct family_id)::int as n from auth.refresh_tokens`);
    await client.end();
    expect(users.rows[0].n).toBe(1);
    expect(families.rows[0].n).toBe(1);
  });

  it('creates one user when first links of the same new address are verified at once', async () => {
    const first = await mailedToken(stack, smtp, 'twin@club.test');
    const second = await mailedToken(stack, smtp, 'twin@club.test');
    const [a, b] = await Promise.all([
      stack.api.post('/api/auth/verify-magic-link', { token: first }),
      stack.api.post('/api/auth/verify-magic-link', { token: second }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.user.id).toBe(b.body.user.id);
  });

  it('answers unknown tokens with TOKEN_INVALID and stores only hashes', async () => {
    const token = await mailedToken(stack, smtp, 'hash@club.test');
    const invalid = await stack.api.post('/api/auth/verify-magic-link', { token: 'A'.repeat(43) });
    expect(invalid.status).toBe(401);
    expect(invalid.body.code).toBe('TOKEN_INVALID');

    const client = new pg.Client({ connectionString: stack.database.url });
    await client.connect();
    const stored = await client.query(`select token_hash from auth.magic_links where email = 'hash@club.test'`);
    await client.end();
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.rows[0].token_hash).not.toContain(token);
  });
});
