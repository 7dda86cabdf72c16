import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SentryRecorder } from '@auction/testing';
import type { RunningApp } from './support/app.js';
import { byTestId, openUser, sessionOf, signIn, startAppAndBrowser, stopAppAndBrowser, type User } from './support/browser.js';
import { createClubLeague } from './support/league.js';

const RELEASE = 'auction-platform@e2e.1';
const ENVIRONMENT = 'e2e';
/** After the first event, how long a duplicate is given to show up (a bounded wait for a negative assertion). */
const DUPLICATE_WINDOW_MS = 1500;

async function sql(databaseUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, DUPLICATE_WINDOW_MS));

/**
 * Sentry for real: the built standalone process and a real Chromium report to a local ingest
 * (SentryRecorder) through the DSN the product is configured with; the server's 500 and the
 * client's render error each arrive once, tagged with the request id, and carry no e-mail, token
 * or request body.
 */
describe('error reporting: server and web client send scrubbed events to Sentry', () => {
  const recorder = new SentryRecorder();
  let app: RunningApp;
  let browser: Browser;
  let user: User;
  let signInLink: string;

  beforeAll(async () => {
    const dsn = await recorder.start();
    [app, browser] = await startAppAndBrowser({ SENTRY_DSN: dsn, SENTRY_ENVIRONMENT: ENVIRONMENT, SENTRY_RELEASE: RELEASE });
    user = await openUser(browser, app, 'reporter.one@club.test');
  });

  afterAll(async () => {
    await stopAppAndBrowser(app, browser, user);
    await recorder.stop();
  });

  it('tells the web client where to report at /config.json', async () => {
    const config = await app.api.get('/config.json');
    expect(config.status).toBe(200);
    expect(config.headers.get('content-type')).toMatch(/^application\/json/);
    expect(config.body).toEqual({ sentry: { dsn: recorder.dsn, environment: ENVIRONMENT, release: RELEASE } });
  });

  it('reports a render error in the browser once, with the request id of the answer that broke it', async () => {
    // The competitions answer is corrupted on its way to the page (as a server bug would send it):
    // the card list then dereferences null while rendering.
    await user.page.route('**/api/me/competitions', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: JSON.stringify({ items: [null] }) });
    });
    const broken = user.page.waitForResponse((response) => new URL(response.url()).pathname === '/api/me/competitions');
    // The sign-in lands on /competitions, so the crash happens with the sign-in link in the page's history.
    signInLink = await signIn(user, app);
    const requestId = (await broken).headers()['x-request-id'];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await byTestId(user.page, 'error-boundary').waitFor();

    const { event, raw } = await recorder.nextEvent((e) => e.tags?.kind === 'render');
    expect(event.tags.request_id).toBe(requestId);
    expect(event.release).toBe(RELEASE);
    expect(event.environment).toBe(ENVIRONMENT);
    expect(event.platform).toBe('javascript');
    expect(event.exception.values.at(-1).type).toBe('TypeError');
    expect(event.request.url).toBe(`${app.url}/competitions`);

    const { accessToken } = await sessionOf(user.page);
    const refreshToken = await user.page.evaluate(() => localStorage.getItem('auction.refreshToken'));
    const signInToken = new URL(signInLink).searchParams.get('token')!;
    for (const secret of [user.email, accessToken, refreshToken!, signInToken]) {
      expect(secret.length).toBeGreaterThan(8);
      expect(raw).not.toContain(secret);
    }
    expect(raw).not.toContain('@club.test');

    await settle();
    expect(recorder.events((e) => e.tags?.kind === 'render')).toHaveLength(1);
    await user.page.unroute('**/api/me/competitions');
  });

  it('reports an unexpected server error (500) once, with its request id, without e-mails, token or body', async () => {
    const { accessToken } = await sessionOf(user.page);
    const league = await createClubLeague(app, accessToken, ['eng-liverpool', 'eng-everton'], {
      name: 'Reporting League',
      rosterSize: 1,
      openingBid: 1,
      minIncrement: 1,
      bidTimerSeconds: 60,
      antiSnipeSeconds: 10,
    });
    // A broken schema (a failed migration, a dropped table): the invitations insert fails unexpectedly.
    await sql(app.databaseUrl, 'alter table leagues.invitations rename to invitations_gone');
    try {
      const csv = 'email\ninvitee.secret@club.test\nsecond.person@club.test\n';
      const answer = await app.api.post(`/api/leagues/${league.id}/invitations`, undefined, {
        token: accessToken,
        headers: { 'x-request-id': 'e2e-server-500' },
        raw: { contentType: 'text/csv', body: csv },
      });
      expect(answer.status).toBe(500);
      expect(answer.body).toMatchObject({ code: 'INTERNAL', requestId: 'e2e-server-500' });

      const { event, raw } = await recorder.nextEvent((e) => e.tags?.request_id === 'e2e-server-500');
      expect(event.release).toBe(RELEASE);
      expect(event.environment).toBe(ENVIRONMENT);
      expect(event.platform).toBe('node');
      expect(event.tags.service).toBe('standalone');
      expect(event.exception.values.length).toBeGreaterThan(0);
      for (const secret of ['invitee.secret@club.test', 'second.person@club.test', user.email, accessToken, '@club.test', csv]) {
        expect(raw).not.toContain(secret);
      }
      expect(raw).not.toMatch(/authorization/i);

      await settle();
      expect(recorder.events((e) => e.tags?.request_id === 'e2e-server-500')).toHaveLength(1);
    } finally {
      await sql(app.databaseUrl, 'alter table leagues.invitations_gone rename to invitations');
    }
  });

  it('reports nothing for a business refusal (a 4xx)', async () => {
    const before = recorder.events().length;
    const refused = await app.api.post(
      '/api/leagues',
      { name: '' },
      { token: (await sessionOf(user.page)).accessToken, headers: { 'x-request-id': 'e2e-422' } },
    );
    expect(refused.status).toBe(422);
    await settle();
    expect(recorder.events()).toHaveLength(before);
  });
});
