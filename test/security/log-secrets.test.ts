import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger, startTestStack, testUser, type TestStack } from '@auction/testing';
import { ALL_SERVICES } from '../../apps/standalone/src/services.js';

/** Issue 14 item 9: a database error's bound parameters (an invite token, an email) never reach the log. */
describe('no secrets in logs', () => {
  const { logger, lines } = memoryLogger('debug');
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ services: ALL_SERVICES, logger });
  });
  afterAll(async () => {
    await stack.close();
  });

  const sql = (text: string) => stack.runtime.database.pool.query(text);

  it('logs a failed join without the invite token it was looking up', async () => {
    const commissioner = testUser('commissioner');
    const league = await stack.api.post('/api/leagues', { name: 'Secret Club', sport: 'football' }, { token: commissioner.token });
    expect(league.status).toBe(201);
    const inviteToken: string = league.body.inviteToken;

    await sql('alter table leagues.leagues rename to leagues_away');
    try {
      const joined = await stack.api.post('/api/leagues/join', { inviteToken }, { token: testUser('joiner').token });
      expect(joined.status).toBe(500);
      expect(joined.body.code).toBe('INTERNAL');
      expect(JSON.stringify(joined.body)).not.toContain(inviteToken);
    } finally {
      await sql('alter table leagues.leagues_away rename to leagues');
    }
    // The error itself is logged, with what an operator needs: PostgreSQL's code and the SQL text.
    const failure = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'unexpected error');
    expect(failure?.err?.cause?.code).toBe('42P01');
    expect(failure?.err?.message).toContain('params: [redacted]');
    expect(lines.join('\n')).not.toContain(inviteToken);
  });

  it('logs a failed sign-in request without the email it was storing', async () => {
    const email = `secret-${Date.now()}@club.test`;
    await sql('alter table auth.magic_links rename to magic_links_away');
    try {
      const answer = await stack.api.post('/api/auth/magic-link', { email });
      expect(answer.status).toBe(500);
    } finally {
      await sql('alter table auth.magic_links_away rename to magic_links');
    }
    expect(lines.some((line) => line.includes('42P01'))).toBe(true);
    expect(lines.join('\n')).not.toContain(email);
  });

  it('keeps values PostgreSQL quotes back out of logged messages', async () => {
    const secret = 'tok_' + 'x'.repeat(24);
    const before = lines.length;
    await stack.runtime.database.pool
      .query('select $1::uuid', [secret])
      .catch((error: unknown) => stack.runtime.logger.error({ err: error }, 'probe'));
    const logged = lines.slice(before).join('\n');
    expect(logged).toContain('invalid input syntax for type uuid');
    expect(logged).not.toContain(secret);
  });
});
