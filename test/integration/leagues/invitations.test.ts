import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authService } from '@auction/auth';
import { leaguesService } from '@auction/leagues';
import { TestSmtpServer, startTestStack, testUser, type TestStack, type TestUser } from '@auction/testing';
import { createLeague, expectProblem, leagueWithMembers, serviceToken, sqlRows } from '../../../libs/leagues/feature/test/support.js';

const UNKNOWN_ID = '3f1d8a52-0c6e-4b7a-9d2f-5e8c1b4a7d90';

describe('invitations by CSV, mailed by auth, joining on sign-in', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    stack = await startTestStack({
      services: [authService, leaguesService],
      env: { SMTP_URL: smtpUrl, PUBLIC_URL: 'https://club.example' },
    });
  });
  afterAll(async () => {
    await stack.close();
    await smtp.stop();
  });

  const upload = (leagueId: string, user: TestUser, csv: string) =>
    stack.api.post(`/api/leagues/${leagueId}/invitations`, undefined, { token: user.token, raw: { contentType: 'text/csv', body: csv } });

  const linksFor = async (email: string) =>
    (await sqlRows<{ n: number }>(stack, 'select count(*)::int as n from auth.magic_links where email = $1', [email]))[0]!.n;

  it('mails each new address a link that signs in and joins; a re-upload mails nobody twice', async () => {
    const { league, commissioner, members } = await leagueWithMembers(stack, 1, { name: 'Pilot Club' });
    const [ann, bob] = [`ann-${league.id.slice(0, 8)}@club.test`, `bob-${league.id.slice(0, 8)}@club.test`];
    const csv = `email\n${ann.toUpperCase()}\n\n${bob}\n${members[0]!.email}\n`;

    const answer = await upload(league.id, commissioner, csv);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toEqual({
      sent: 2,
      skipped: 1,
      errors: [],
      rows: [
        { line: 2, email: ann, status: 'sent' },
        { line: 4, email: bob, status: 'sent' },
        { line: 5, email: members[0]!.email, status: 'already_member' },
      ],
    });

    const mail = await smtp.nextMail(ann);
    expect(mail.subject).toBe("You're invited to Pilot Club");
    expect(mail.link).toMatch(/^https:\/\/club\.example\/auth\/callback\?token=/);
    await smtp.nextMail(bob);

    const signIn = await stack.api.post('/api/auth/verify-magic-link', { token: mail.token });
    expect(signIn.status).toBe(200);
    expect(signIn.body.joinedLeagueId).toBe(league.id);
    const read = await stack.api.get(`/api/leagues/${league.id}`, { token: signIn.body.accessToken });
    expect(read.status).toBe(200);
    expect(read.body.members).toContainEqual({
      userId: signIn.body.user.id,
      displayName: signIn.body.user.displayName,
      role: 'manager',
      joinedAt: expect.any(String),
    });
    const [invitation] = await sqlRows(stack, 'select accepted_by from leagues.invitations where league_id = $1 and email = $2', [
      league.id,
      ann,
    ]);
    expect(invitation).toEqual({ accepted_by: signIn.body.user.id });

    const again = await upload(league.id, commissioner, csv);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ sent: 0, skipped: 3 });
    expect(again.body.rows.map((row: { status: string }) => row.status)).toEqual(['already_member', 'already_sent', 'already_member']);
    expect(await linksFor(ann)).toBe(1);
    expect(await linksFor(bob)).toBe(1);

    // The next mail through is a new invitation's: the re-upload sent nothing before it.
    const carol = `carol-${league.id.slice(0, 8)}@club.test`;
    expect((await upload(league.id, commissioner, `email\n${carol}\n`)).body.sent).toBe(1);
    await smtp.nextMail(carol);
    expect(smtp.mails.filter((m) => m.to === ann || m.to === bob)).toEqual([]);
  });

  it('sends nothing for a file with bad rows, and lists every bad line', async () => {
    const commissioner = testUser('commissioner');
    const league = await createLeague(stack, commissioner);
    const good = `good-${league.id.slice(0, 8)}@club.test`;
    const csv = ['email', good, 'not-an-email', '', 'two@club.test,three@club.test', `${good}`, '"unclosed@club.test'].join('\n');
    const answer = await upload(league.id, commissioner, csv);
    expectProblem(answer, 422, 'CSV_INVALID');
    expect(answer.body.errors).toEqual([
      { line: 3, message: expect.stringContaining('not-an-email') },
      { line: 5, message: expect.stringContaining('one email address per line') },
      { line: 6, message: expect.stringContaining('already on line 2') },
      { line: 7, message: expect.stringContaining('quote') },
    ]);
    const stored = await sqlRows(stack, 'select 1 from leagues.invitations where league_id = $1', [league.id]);
    expect(stored).toHaveLength(0);
    expect(await linksFor(good)).toBe(0);

    const badHeader = await upload(league.id, commissioner, `mail\n${good}\n`);
    expectProblem(badHeader, 422, 'CSV_INVALID');
    expect(badHeader.body.errors).toEqual([{ line: 1, message: expect.stringContaining('header') }]);
  });

  it('takes at most 500 addresses a file', async () => {
    const commissioner = testUser('commissioner');
    const league = await createLeague(stack, commissioner);
    const emails = Array.from({ length: 501 }, (_, i) => `member${i}-${league.id.slice(0, 8)}@club.test`);
    const answer = await upload(league.id, commissioner, `email\n${emails.join('\n')}\n`);
    expectProblem(answer, 422, 'CSV_INVALID');
    expect(answer.body.errors).toEqual([{ line: 502, message: expect.stringContaining('at most 500') }]);
    expect(await sqlRows(stack, 'select 1 from leagues.invitations where league_id = $1', [league.id])).toHaveLength(0);
  });

  it('refuses a file over 256 KiB with 413 and reads a NUL byte as a bad line', async () => {
    const commissioner = testUser('commissioner');
    const league = await createLeague(stack, commissioner);
    const big = await upload(league.id, commissioner, `email\n${'x'.repeat(300 * 1024)}@club.test\n`);
    expectProblem(big, 413, 'PAYLOAD_TOO_LARGE');
    const nul = await upload(league.id, commissioner, 'email\nann\u0000@club.test\n');
    expectProblem(nul, 422, 'CSV_INVALID');
    expect(nul.body.errors).toEqual([{ line: 2, message: expect.stringContaining('is not a valid email address') }]);
    expect(await sqlRows(stack, 'select 1 from leagues.invitations where league_id = $1', [league.id])).toHaveLength(0);
  });

  it('is for the commissioner, as text/csv, before the auction', async () => {
    const { league, commissioner, members } = await leagueWithMembers(stack, 1);
    const csv = 'email\nsomeone@club.test\n';
    expectProblem(await upload(league.id, members[0]!, csv), 403, 'NOT_COMMISSIONER');
    expectProblem(await upload(league.id, testUser('stranger'), csv), 403, 'NOT_A_MEMBER');
    expectProblem(
      await stack.api.post(`/api/leagues/${league.id}/invitations`, undefined, { raw: { contentType: 'text/csv', body: csv } }),
      401,
      'UNAUTHORIZED',
    );
    expectProblem(
      await stack.api.post(`/api/leagues/${league.id}/invitations`, { emails: ['a@b.co'] }, { token: commissioner.token }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectProblem(await upload(UNKNOWN_ID, commissioner, csv), 404, 'NOT_FOUND');
    await stack.api.post(
      `/internal/leagues/${league.id}/start-auction`,
      { userId: commissioner.id, auctionId: crypto.randomUUID() },
      { token: serviceToken() },
    );
    expectProblem(await upload(league.id, commissioner, csv), 409, 'AUCTION_STARTED');
    expect(await sqlRows(stack, 'select 1 from leagues.invitations where league_id = $1', [league.id])).toHaveLength(0);
  });

  it('an invitation to a league that filled up meanwhile still signs the person in, without joining', async () => {
    const { league, commissioner } = await leagueWithMembers(stack, 0, { maxManagers: 2 });
    const late = `late-${league.id.slice(0, 8)}@club.test`;
    await upload(league.id, commissioner, `email\n${late}\n`);
    const mail = await smtp.nextMail(late);
    await stack.api.post('/api/leagues/join', { inviteToken: league.inviteToken }, { token: testUser('quick').token });

    const signIn = await stack.api.post('/api/auth/verify-magic-link', { token: mail.token });
    expect(signIn.status).toBe(200);
    expect(signIn.body.joinedLeagueId).toBeUndefined();
    expectProblem(await stack.api.get(`/api/leagues/${league.id}`, { token: signIn.body.accessToken }), 403, 'NOT_A_MEMBER');
  });

  describe('POST /internal/leagues/invited-members', () => {
    const acceptFor = (body: object) => stack.api.post('/internal/leagues/invited-members', body, { token: serviceToken('auth') });

    it('joins an invited address to each league that invited it, once, and nobody else anywhere', async () => {
      const first = await leagueWithMembers(stack, 0, { name: 'First Club' });
      const second = await leagueWithMembers(stack, 0, { name: 'Second Club' });
      const email = `invited-${first.league.id.slice(0, 8)}@club.test`;
      await upload(first.league.id, first.commissioner, `email\n${email}\n`);
      await upload(second.league.id, second.commissioner, `email\n${email}\n`);
      const userId = crypto.randomUUID();

      const answers = await Promise.all(
        Array.from({ length: 5 }, () => acceptFor({ userId, email: email.toUpperCase(), displayName: 'Invitee' })),
      );
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
      // Of concurrent sign-ins, exactly one reports each league joined.
      const joinedIds = answers.flatMap((a) => a.body.joined.map((j: { leagueId: string }) => j.leagueId));
      expect(joinedIds.sort()).toEqual([first.league.id, second.league.id].sort());
      expect(answers.flatMap((a) => a.body.joined)).toContainEqual({ leagueId: first.league.id, name: 'First Club' });
      for (const { league } of [first, second]) {
        expect(
          await sqlRows(stack, 'select 1 from leagues.league_members where league_id = $1 and user_id = $2', [league.id, userId]),
        ).toHaveLength(1);
      }

      const stranger = await acceptFor({ userId: crypto.randomUUID(), email: 'uninvited@club.test', displayName: 'Nope' });
      expect(stranger.status).toBe(200);
      expect(stranger.body).toEqual({ joined: [] });
      expectProblem(await acceptFor({ userId, email, displayName: 'Invitee', role: 'commissioner' }), 422, 'VALIDATION_FAILED');
      expect(await sqlRows(stack, 'select 1 from leagues.league_members where league_id = $1', [first.league.id])).toHaveLength(2);
    });
  });
});

describe('invitations when auth cannot send them', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ services: [leaguesService], env: { AUTH_URL: 'http://127.0.0.1:9' } });
  });
  afterAll(() => stack.close());

  it('records nothing, so the same file can simply be sent again later', async () => {
    const commissioner = testUser('commissioner');
    const league = await createLeague(stack, commissioner);
    const answer = await stack.api.post(`/api/leagues/${league.id}/invitations`, undefined, {
      token: commissioner.token,
      raw: { contentType: 'text/csv', body: 'email\nann@club.test\n' },
    });
    expectProblem(answer, 503, 'SERVICE_UNAVAILABLE');
    expect(await sqlRows(stack, 'select 1 from leagues.invitations where league_id = $1', [league.id])).toHaveLength(0);
  });
});
