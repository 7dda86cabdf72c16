import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authService } from '@auction/auth';
import { isAcceptedText } from '@auction/contracts';
import { leaguesService } from '@auction/leagues';
import { TestSmtpServer, startTestStack, testUser, type TestStack, type TestUser } from '@auction/testing';

const PER_LEAGUE = 3;

/** Issue 14 item 11: a per-league daily limit on invitation mail, and league names that cannot shape a mail. */
describe('invitation mail', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    stack = await startTestStack({
      services: [authService, leaguesService],
      env: { SMTP_URL: smtpUrl, PUBLIC_URL: 'https://club.example', RATE_LIMITS: 'on', INVITATIONS_PER_LEAGUE_PER_DAY: String(PER_LEAGUE) },
    });
  });
  afterAll(async () => {
    await stack.close();
    await smtp.stop();
  });

  const upload = (leagueId: string, user: TestUser, emails: string[]) =>
    stack.api.post(`/api/leagues/${leagueId}/invitations`, undefined, {
      token: user.token,
      raw: { contentType: 'text/csv', body: `email\n${emails.join('\n')}\n` },
    });
  const count = async (text: string, values: unknown[]) => Number((await stack.runtime.database.pool.query(text, values)).rows[0].count);

  async function league(commissioner: TestUser, name = 'Mail Club'): Promise<string> {
    const created = await stack.api.post('/api/leagues', { name, sport: 'football' }, { token: commissioner.token });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id;
  }

  it('counts every invitation toward the league’s daily limit; going over sends nothing and says when to retry', async () => {
    const commissioner = testUser('commissioner');
    const leagueId = await league(commissioner);
    const address = (name: string) => `${name}-${leagueId.slice(0, 8)}@club.test`;

    expect((await upload(leagueId, commissioner, [address('a'), address('b')])).body.sent).toBe(2);

    const over = await upload(leagueId, commissioner, [address('c'), address('d')]);
    expect({ status: over.status, code: over.body.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
    expect(over.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(23 * 60 * 60);
    expect(await count('select count(*) from leagues.invitations where league_id = $1', [leagueId])).toBe(2);
    expect(await count('select count(*) from auth.magic_links where email = any($1)', [[address('c'), address('d')]])).toBe(0);

    // The refused upload took nothing: the one invitation left still fits, the next does not.
    expect((await upload(leagueId, commissioner, [address('c')])).body.sent).toBe(1);
    expect((await upload(leagueId, commissioner, [address('e')])).status).toBe(429);

    // Another league of the same commissioner has its own allowance.
    const other = await league(commissioner, 'Second Club');
    expect((await upload(other, commissioner, [address('f')])).body.sent).toBe(1);
    for (const name of ['a', 'b', 'c', 'f']) await smtp.nextMail(address(name));
  });

  it('refuses league names with line breaks or control characters', async () => {
    for (const name of ['Club\r\nBcc: spy@evil.test', 'Club\nX-Injected: 1', 'Club\u0000']) {
      const answer = await stack.api.post('/api/leagues', { name, sport: 'football' }, { token: testUser().token });
      expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 422, code: 'VALIDATION_FAILED' });
    }
  });

  it('mails a name stored before these rules as one plain subject line, to the invitee only', async () => {
    const commissioner = testUser('commissioner');
    const leagueId = await league(commissioner);
    await stack.runtime.database.pool.query('update leagues.leagues set name = $1 where id = $2', [
      'Old Club\r\nBcc: spy@evil.test\r\nX-Injected: yes\u0007',
      leagueId,
    ]);
    const invitee = `invitee-${leagueId.slice(0, 8)}@club.test`;
    const sent = await upload(leagueId, commissioner, [invitee]);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);

    const mail = await smtp.nextMail(invitee);
    expect(mail.subject).toBe("You're invited to Old Club Bcc: spy@evil.test X-Injected: yes");
    expect(mail.envelopeTo).toEqual([invitee]);
    const names = mail.headerLines.map((line) => line.slice(0, line.indexOf(':')).toLowerCase());
    expect(names).not.toContain('bcc');
    expect(names).not.toContain('x-injected');
    expect(names.filter((name) => name === 'subject')).toHaveLength(1);
    expect(mail.text.split('\n').every(isAcceptedText)).toBe(true);
  });
});
