import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authService } from '@auction/auth';
import { leaguesService } from '@auction/leagues';
import { ManualClock, TestSmtpServer, startTestStack, testUser, type TestStack, type TestUser } from '@auction/testing';
import { expectProblem, leagueWithMembers, serviceToken, sqlRows } from '../../../libs/leagues/feature/test/support.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('invitations that last seven days, and sign-ins that join by address', () => {
  const smtp = new TestSmtpServer();
  const clock = new ManualClock();
  let stack: TestStack;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    stack = await startTestStack({ services: [authService, leaguesService], clock, env: { SMTP_URL: smtpUrl } });
  });
  afterAll(async () => {
    await stack.close();
    await smtp.stop();
  });

  const upload = (leagueId: string, user: TestUser, csv: string) =>
    stack.api.post(`/api/leagues/${leagueId}/invitations`, undefined, { token: user.token, raw: { contentType: 'text/csv', body: csv } });
  const verify = (token: string | null) => stack.api.post('/api/auth/verify-magic-link', { token });
  const invitationsOf = (leagueId: string, user: TestUser, query = '') =>
    stack.api.get(`/api/leagues/${leagueId}/invitations${query}`, { token: user.token });
  const membersOf = async (leagueId: string) =>
    (await sqlRows<{ email: string }>(stack, 'select email from leagues.league_members where league_id = $1', [leagueId])).map(
      (r) => r.email,
    );
  const address = (name: string, leagueId: string) => `${name}-${leagueId.slice(0, 8)}@club.test`;

  /** A fresh plain sign-in link (not the invitation) for this address, as the sign-in page asks for it. */
  async function plainSignIn(email: string) {
    expect((await stack.api.post('/api/auth/magic-link', { email })).status).toBe(202);
    const mail = await smtp.nextMail(email);
    expect(mail.subject).toBe('Your sign-in link');
    return verify(mail.token);
  }

  it('mails a link that names the league and its commissioner and still works after 16 minutes, once', async () => {
    const { league, commissioner } = await leagueWithMembers(stack, 0, { name: 'Harbour FC' });
    const ann = address('ann', league.id);
    expect((await upload(league.id, commissioner, `email\n${ann}\n`)).body.sent).toBe(1);
    const mail = await smtp.nextMail(ann);
    expect(mail.subject).toBe("You're invited to Harbour FC");
    expect(mail.text).toContain(`${commissioner.displayName} invited you to join "Harbour FC"`);

    clock.advance(16 * MINUTE);
    const signIn = await verify(mail.token);
    expect(signIn.status, JSON.stringify(signIn.body)).toBe(200);
    expect(signIn.body.joinedLeagueId).toBe(league.id);
    expect(signIn.body.joinedLeagues).toEqual([{ leagueId: league.id, name: 'Harbour FC' }]);
    expect(await membersOf(league.id)).toContain(ann);
    expectProblem(await verify(mail.token), 401, 'TOKEN_USED');
  });

  it('an invitation link opened 7 days later is expired and joins nobody', async () => {
    const { league, commissioner } = await leagueWithMembers(stack, 0);
    const bob = address('bob', league.id);
    await upload(league.id, commissioner, `email\n${bob}\n`);
    const mail = await smtp.nextMail(bob);

    clock.advance(7 * DAY);
    expectProblem(await verify(mail.token), 401, 'TOKEN_EXPIRED');
    expect(await membersOf(league.id)).not.toContain(bob);
    const signIn = await plainSignIn(bob);
    expect(signIn.status).toBe(200);
    expect(signIn.body.joinedLeagueId).toBeUndefined();
    expect(await membersOf(league.id)).not.toContain(bob);
  });

  it('a fresh sign-in link for an invited address joins, after the 15-minute sign-in window of the first', async () => {
    const { league, commissioner } = await leagueWithMembers(stack, 0, { name: 'Late Openers' });
    const carol = address('carol', league.id);
    await upload(league.id, commissioner, `email\n${carol}\n`);
    await smtp.nextMail(carol);

    clock.advance(20 * MINUTE);
    const signIn = await plainSignIn(carol!);
    expect(signIn.status, JSON.stringify(signIn.body)).toBe(200);
    expect(signIn.body.joinedLeagues).toEqual([{ leagueId: league.id, name: 'Late Openers' }]);
    const read = await stack.api.get(`/api/leagues/${league.id}`, { token: signIn.body.accessToken });
    expect(read.status).toBe(200);
    expect(read.body.members.map((m: { userId: string }) => m.userId)).toContain(signIn.body.user.id);

    // Accepted: the next sign-in has nothing left to join.
    const again = await plainSignIn(carol);
    expect(again.body.joinedLeagues).toBeUndefined();
  });

  it('a sign-in does not join a league that has filled up, and the invitation stays pending', async () => {
    const { league, commissioner } = await leagueWithMembers(stack, 1, { maxManagers: 2 });
    const dan = address('dan', league.id);
    await upload(league.id, commissioner, `email\n${dan}\n`);
    await smtp.nextMail(dan);
    const signIn = await plainSignIn(dan);
    expect(signIn.body.joinedLeagueId).toBeUndefined();
    expect((await invitationsOf(league.id, commissioner)).body.items).toEqual([expect.objectContaining({ email: dan, status: 'pending' })]);
  });

  it('lists pending, joined and expired invitations by address, page by page', async () => {
    const { league, commissioner, members } = await leagueWithMembers(stack, 1);
    const [early, joiner, late] = ['a-early', 'b-joiner', 'c-late'].map((name) => address(name, league.id));
    await upload(league.id, commissioner, `email\n${early}\n`);
    await smtp.nextMail(early!);
    const earlyAt = clock.now();
    clock.advance(6 * DAY);
    await upload(league.id, commissioner, `email\n${joiner}\n${late}\n`);
    const joinerMail = await smtp.nextMail(joiner!);
    await smtp.nextMail(late!);
    const lateAt = clock.now();
    await verify(joinerMail.token);
    clock.advance(1 * DAY);

    const first = await invitationsOf(league.id, commissioner, '?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items).toEqual([
      { email: early, invitedAt: earlyAt.toISOString(), expiresAt: new Date(earlyAt.getTime() + 7 * DAY).toISOString(), status: 'expired' },
      { email: joiner, invitedAt: lateAt.toISOString(), expiresAt: new Date(lateAt.getTime() + 7 * DAY).toISOString(), status: 'joined' },
    ]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await invitationsOf(league.id, commissioner, `?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toEqual({ items: [expect.objectContaining({ email: late, status: 'pending' })], nextCursor: null });

    expectProblem(await invitationsOf(league.id, members[0]!), 403, 'NOT_COMMISSIONER');
    expectProblem(await invitationsOf(league.id, testUser('stranger')), 403, 'NOT_A_MEMBER');
    expectProblem(await stack.api.get(`/api/leagues/${league.id}/invitations`), 401, 'UNAUTHORIZED');
    expectProblem(await invitationsOf(league.id, commissioner, '?cursor=%25%25'), 422, 'VALIDATION_FAILED');
    expectProblem(await invitationsOf(league.id, commissioner, '?limit=0'), 422, 'VALIDATION_FAILED');
  });

  it('sends an expired invitation again: a new 7-day link that joins; addresses not pending change nothing', async () => {
    const { league, commissioner } = await leagueWithMembers(stack, 0, { name: 'Second Chance' });
    const [erin, fay] = ['erin', 'fay'].map((name) => address(name, league.id));
    await upload(league.id, commissioner, `email\n${erin}\n${fay}\n`);
    await smtp.nextMail(erin!);
    await verify((await smtp.nextMail(fay!)).token);
    clock.advance(8 * DAY);
    const resend = (emails: string[]) =>
      stack.api.post(`/api/leagues/${league.id}/invitations/resend`, { emails }, { token: commissioner.token });

    const refused = await resend([erin!, fay!, 'never@club.test']);
    expectProblem(refused, 422, 'VALIDATION_FAILED');
    expect(refused.body.errors).toEqual([
      { path: 'emails.1', message: expect.stringContaining('already joined') },
      { path: 'emails.2', message: expect.stringContaining('not invited') },
    ]);
    expect((await invitationsOf(league.id, commissioner)).body.items[0]).toMatchObject({ email: erin, status: 'expired' });
    expectProblem(
      await stack.api.post(`/api/leagues/${league.id}/invitations/resend`, { emails: [erin], extra: 1 }, { token: commissioner.token }),
      422,
      'VALIDATION_FAILED',
    );

    const sent = await resend([erin!]);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.items).toEqual([
      {
        email: erin,
        invitedAt: clock.now().toISOString(),
        expiresAt: new Date(clock.now().getTime() + 7 * DAY).toISOString(),
        status: 'pending',
      },
    ]);
    const mail = await smtp.nextMail(erin!);
    expect(mail.subject).toBe("You're invited to Second Chance");
    clock.advance(6 * DAY);
    const signIn = await verify(mail.token);
    expect(signIn.body.joinedLeagueId).toBe(league.id);
    expect(smtp.mails.filter((m) => m.to === fay)).toEqual([]);
  });

  it('auth takes an invitation expiry only inside INVITATION_TTL_HOURS, and mails nothing otherwise', async () => {
    const send = (expiresAt: string) =>
      stack.api.post(
        '/internal/auth/invitation-links',
        { leagueId: crypto.randomUUID(), leagueName: 'Nowhere FC', commissionerName: 'Cap', expiresAt, emails: ['window@club.test'] },
        { token: serviceToken('leagues') },
      );
    const now = clock.now().getTime();
    for (const expiresAt of [new Date(now - 1), new Date(now + 8 * DAY)]) {
      expectProblem(await send(expiresAt.toISOString()), 422, 'VALIDATION_FAILED');
    }
    expectProblem(await send('next week'), 422, 'VALIDATION_FAILED');
    expect(await sqlRows(stack, 'select 1 from auth.magic_links where email = $1', ['window@club.test'])).toHaveLength(0);
    expect((await send(new Date(now + 7 * DAY).toISOString())).status).toBe(200);
    expect(await sqlRows(stack, 'select 1 from auth.magic_links where email = $1', ['window@club.test'])).toHaveLength(1);
  });

  it('shows what an invite link leads to without signing in', async () => {
    const { league, commissioner } = await leagueWithMembers(stack, 1, { name: 'Open Doors', maxManagers: 12 });
    const preview = await stack.api.get(`/api/leagues/invites/${league.inviteToken}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      leagueId: league.id,
      name: 'Open Doors',
      sport: 'football',
      commissionerName: commissioner.displayName,
      status: 'open',
      managers: 2,
      maxManagers: 12,
    });
    expectProblem(await stack.api.get(`/api/leagues/invites/${'x'.repeat(32)}`), 404, 'NOT_FOUND');
    expectProblem(await stack.api.get('/api/leagues/invites/short'), 422, 'VALIDATION_FAILED');
  });
});
