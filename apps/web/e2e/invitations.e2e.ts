import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from './support/app.js';
import {
  byTestId,
  openUser,
  PHONE,
  screenshot,
  sessionOf,
  signedInUser,
  startAppAndBrowser,
  stopAppAndBrowser,
  textOf,
  type User,
} from './support/browser.js';
import { createLeague } from './support/league.js';

/** Longer than a sign-in link's 15 minutes, far inside an invitation's 7 days. */
const MAIL_LEFT_UNREAD_MINUTES = 20;

describe('invitations in real Chromium: a CSV invitee who opens the mail late still lands in the league', () => {
  let app: RunningApp;
  let browser: Browser;
  let db: pg.Pool;
  const users: User[] = [];

  beforeAll(async () => {
    [app, browser] = await startAppAndBrowser();
    db = new pg.Pool({ connectionString: app.databaseUrl, max: 2 });
  });
  afterAll(async () => {
    await db?.end();
    await stopAppAndBrowser(app, browser, ...users);
  });

  /** The product keeps time in the database: moving stored times back is the mail having waited unread. */
  async function leaveUnread(email: string, minutes: number): Promise<void> {
    const shift = `${minutes} minutes`;
    const links = await db.query(
      `update auth.magic_links set created_at = created_at - $2::interval, expires_at = expires_at - $2::interval where email = $1`,
      [email, shift],
    );
    const invitations = await db.query(
      `update leagues.invitations set sent_at = sent_at - $2::interval, expires_at = expires_at - $2::interval where email = $1`,
      [email, shift],
    );
    expect([links.rowCount, invitations.rowCount]).toEqual([1, 1]);
  }

  it('CSV upload → mail opened 20 minutes later on a phone → "You joined"; the commissioner sees who joined', async () => {
    const commissioner = await signedInUser(browser, app, 'captain@club.test');
    users.push(commissioner);
    const c = commissioner.page;
    const league = await createLeague(app, commissioner.token, { name: 'Riverside Sunday League', sport: 'football' });
    await c.goto(`/leagues/${league.id}`);

    const [late, waiting, lapsed] = ['late.opener@club.test', 'still.waiting@club.test', 'on.holiday@club.test'];
    await byTestId(c, 'invitations-upload').locator('summary').click();
    await byTestId(c, 'invitations-upload-text').fill(`email\n${late}\n${waiting}\n${lapsed}\n`);
    await byTestId(c, 'invitations-upload-submit').click();
    await byTestId(c, 'invitations-report').getByText('3 invitations sent').waitFor();
    const mail = await app.smtp.nextMail(late);
    expect(mail.subject).toBe("You're invited to Riverside Sunday League");
    expect(mail.text).toContain('invited you to join "Riverside Sunday League"');

    await leaveUnread(late, MAIL_LEFT_UNREAD_MINUTES);
    const invitee = await openUser(browser, app, late, PHONE);
    users.push(invitee);
    await invitee.page.goto(mail.link!);
    await invitee.page.waitForURL(`**/leagues/${league.id}?joined=1`);
    await byTestId(invitee.page, 'joined-confirmation').getByText('You joined Riverside Sunday League').waitFor();
    expect(await textOf(invitee.page, 'league-title')).toBe('Riverside Sunday League');
    await byTestId(invitee.page, 'lobby-waiting').getByText('Waiting for').waitFor();
    await byTestId(invitee.page, 'lobby-pool').locator('li').first().waitFor();
    await screenshot(invitee.page, 'invite-joined');

    // A week on for one address: its link has lapsed and the list says so, with "Send again".
    await leaveUnread(lapsed, 7 * 24 * 60);
    await c.reload();
    const list = byTestId(c, 'invitations-list');
    await list.getByTestId(`invitation-${late}`).getByText('Joined').waitFor();
    expect(await list.getByTestId(`invitation-${waiting}`).getAttribute('data-status')).toBe('pending');
    expect(await list.getByTestId(`invitation-${lapsed}`).getAttribute('data-status')).toBe('expired');
    await byTestId(c, `member-${(await memberId(late))!}`).waitFor();
    await screenshot(c, 'invitations-list');

    await list.getByRole('button', { name: `Send the invitation to ${lapsed} again` }).click();
    await list.getByTestId(`invitation-${lapsed}`).getByText('Invited').waitFor();
    const again = await app.smtp.nextMail(lapsed);
    expect(again.link).toBeTruthy();
  });

  it('the commissioner shares the invite link natively, replaces it, and edits settings until the start', async () => {
    const commissioner = users[0]!;
    const c = commissioner.page;
    // Chromium on Linux has no share sheet: stand in for the phone's, to see what the page hands it.
    await commissioner.context.addInitScript(() => {
      Object.defineProperty(navigator, 'share', {
        value: async (data: ShareData) => {
          (window as unknown as { __shared?: ShareData }).__shared = data;
        },
      });
    });
    await c.reload();
    const oldUrl = await byTestId(c, 'invite-link').inputValue();
    await byTestId(c, 'invite-link-share').click();
    await c.waitForFunction(() => Boolean((window as unknown as { __shared?: ShareData }).__shared));
    expect(await c.evaluate(() => (window as unknown as { __shared: ShareData }).__shared.url)).toBe(oldUrl);

    c.once('dialog', (dialog) => void dialog.accept());
    await byTestId(c, 'invite-link-rotate').click();
    await c.getByText('New link ready — the old one no longer works.').waitFor();
    const newUrl = await byTestId(c, 'invite-link').inputValue();
    expect(newUrl).not.toBe(oldUrl);
    expect((await app.api.get(`/api/leagues/invites/${oldUrl.split('/').pop()}`)).status).toBe(404);
    expect((await app.api.get(`/api/leagues/invites/${newUrl.split('/').pop()}`)).body.name).toBe('Riverside Sunday League');

    await byTestId(c, 'settings-edit').click();
    await byTestId(c, 'setting-bidTimerSeconds').fill('5');
    await byTestId(c, 'setting-antiSnipeSeconds').fill('8');
    await byTestId(c, 'settings-save').click();
    await c.getByText("The anti-snipe time (8 seconds) can't be longer than the bid timer (5 seconds).").waitFor();
    await byTestId(c, 'setting-bidTimerSeconds').fill('20');
    await byTestId(c, 'settings-save').click();
    await byTestId(c, 'league-settings').getByText('20 s').waitFor();
    const { accessToken } = await sessionOf(c);
    const leagueId = new URL(c.url()).pathname.split('/').pop()!;
    const stored = await app.api.get(`/api/leagues/${leagueId}`, { token: accessToken });
    expect([stored.body.bidTimerSeconds, stored.body.antiSnipeSeconds]).toEqual([20, 8]);
  });

  it('someone handed the invite link who is not signed in is told what it is for', async () => {
    const { rows } = await db.query<{ invite_token: string }>('select invite_token from leagues.leagues where name = $1', [
      'Riverside Sunday League',
    ]);
    const inviteToken = rows[0]!.invite_token;

    const visitor = await openUser(browser, app, 'visitor@club.test', PHONE);
    users.push(visitor);
    await visitor.page.goto(`/join/${inviteToken}`);
    await visitor.page.getByRole('heading', { name: 'You’re invited to Riverside Sunday League' }).waitFor();
    expect(await textOf(visitor.page, 'invite-preview')).toContain('captain');
    await screenshot(visitor.page, 'invite-signed-out');
    await visitor.page.goto('/join/not-a-real-invite-link-at-all-00');
    const problem = await textOf(visitor.page, 'join-error');
    expect(problem).toContain('This invite link isn’t valid');
    expect(problem.toLowerCase()).not.toContain('form');
  });

  async function memberId(email: string): Promise<string | undefined> {
    const { rows } = await db.query<{ id: string }>('select id from auth.users where email = $1', [email]);
    return rows[0]?.id;
  }
});
