import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from './support/app.js';
import {
  byTestId,
  DESKTOP,
  PHONE,
  screenshot,
  signedInUser,
  startAppAndBrowser,
  stopAppAndBrowser,
  textOf,
  type SignedInUser,
} from './support/browser.js';
import { createClubLeague, joinLeague } from './support/league.js';

const LONG_NAME = 'Alexandra Montgomery-Fitzwilliam';

describe('a scheduled auction, moved from the room; a long name on a 375-px phone', () => {
  let app: RunningApp;
  let browser: Browser;
  let chair: SignedInUser;
  let ann: SignedInUser;
  let leagueId: string;
  let auctionId: string;

  beforeAll(async () => {
    [app, browser] = await startAppAndBrowser();
    chair = await signedInUser(browser, app, 'chair@club.test', DESKTOP);
    ann = await signedInUser(browser, app, 'ann@club.test', PHONE);
    const league = await createClubLeague(app, chair.token, ['eng-arsenal', 'eng-chelsea'], { name: 'Schedule League', rosterSize: 1 });
    leagueId = league.id;
    await joinLeague(app, league.inviteToken, ann);
    const startsAt = new Date(Date.now() + 60 * 60_000).toISOString();
    const scheduled = await app.api.post('/api/auctions', { leagueId, startsAt }, { token: chair.token });
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(201);
    auctionId = scheduled.body.id;
  }, 120_000);

  afterAll(() => stopAppAndBrowser(app, browser, chair, ann));

  it('keeps Sign out on a 375-px screen when the display name is long', async () => {
    const page = ann.page;
    await page.goto('/profile');
    await byTestId(page, 'display-name').fill(LONG_NAME);
    await byTestId(page, 'display-name-save').tap();
    await expect.poll(() => byTestId(page, 'nav-profile').textContent()).toBe(LONG_NAME);
    await page.goto(`/leagues/${leagueId}`);
    await byTestId(page, 'lobby-countdown').waitFor();
    const width = page.viewportSize()!.width;
    const signOut = (await byTestId(page, 'sign-out').boundingBox())!;
    expect(signOut.x + signOut.width, 'Sign out ends inside the screen').toBeLessThanOrEqual(width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'nothing scrolls sideways').toBeLessThanOrEqual(width);
    const name = (await byTestId(page, 'nav-profile').boundingBox())!;
    expect(name.width, 'the name keeps some room').toBeGreaterThan(30);
    await screenshot(page, 'league-long-name');
  });

  it('lets the commissioner move the start from the room, and the phone in the room shows the new time at once', async () => {
    await ann.page.goto(`/auctions/${auctionId}`);
    const before = await textOf(ann.page, 'starts-at');
    await chair.page.goto(`/auctions/${auctionId}`);
    await byTestId(chair.page, 'reschedule-form').waitFor();
    // Two hours later than planned, typed as the commissioner's own local time.
    const moved = new Date(Date.now() + 3 * 60 * 60_000);
    moved.setSeconds(0, 0);
    const local = new Date(moved.getTime() - moved.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await byTestId(chair.page, 'reschedule-at').fill(local);
    await byTestId(chair.page, 'reschedule-auction').click();
    await byTestId(chair.page, 'reschedule-done').waitFor();
    await screenshot(chair.page, 'reschedule-done');

    await expect.poll(() => textOf(ann.page, 'starts-at')).not.toBe(before);
    const answer = await app.api.get(`/api/auctions/${auctionId}`, { token: chair.token });
    expect(new Date(answer.body.startsAt).getTime()).toBe(moved.getTime());
    await screenshot(ann.page, 'rescheduled-phone');
  });

  it('refuses a start in the past with the reason, and keeps the time', async () => {
    const page = chair.page;
    const before = (await app.api.get(`/api/auctions/${auctionId}`, { token: chair.token })).body.startsAt;
    await byTestId(page, 'reschedule-at').fill('2020-01-01T10:00');
    await byTestId(page, 'reschedule-auction').click();
    await byTestId(page, 'reschedule-error').waitFor();
    expect(await textOf(page, 'reschedule-error')).toMatch(/future|past|later/i);
    expect((await app.api.get(`/api/auctions/${auctionId}`, { token: chair.token })).body.startsAt).toBe(before);
  });
});
