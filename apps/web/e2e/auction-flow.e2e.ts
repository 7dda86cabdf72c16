import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from './support/app.js';
import {
  byTestId,
  expectNoReload,
  markDocument,
  openUser,
  screenshot,
  sessionOf,
  signIn,
  startAppAndBrowser,
  stopAppAndBrowser,
  textOf,
  waitForAttribute,
  type User,
} from './support/browser.js';

/** How long the other manager may wait to see a bid (SPEC §7: live auction). */
const LIVE_MS = 1000;
const BID_TIMER_S = 8;
const ANTI_SNIPE_S = 2;
/** A lot closes after its timer (plus anti-snipe extensions); this is the most we wait. */
const LOT_WAIT_MS = (BID_TIMER_S + ANTI_SNIPE_S * 4 + 10) * 1000;

/** Clicks a quick-bid button in `bidder` and measures how soon `watcher` shows that high bid. */
async function bidAndWatch(bidder: Page, button: string, watcher: Page): Promise<{ amount: number; seenAfterMs: number }> {
  const amount = Number(await byTestId(bidder, button).getAttribute('data-amount'));
  expect(amount).toBeGreaterThan(0);
  const started = Date.now();
  await byTestId(bidder, button).click();
  await waitForAttribute(watcher, 'high-bid', 'data-amount', String(amount), LIVE_MS * 3);
  const seenAfterMs = Date.now() - started;
  expect(await textOf(watcher, 'high-bid')).toBe(`£${amount}m`);
  await waitForAttribute(bidder, 'bid-status', 'data-state', 'accepted');
  return { amount, seenAfterMs };
}

describe('web client in real Chromium: a league from mail link to auction results', () => {
  let app: RunningApp;
  let browser: Browser;
  let commissioner: User;
  let member: User;

  beforeAll(async () => {
    [app, browser] = await startAppAndBrowser();
  });

  afterAll(() => stopAppAndBrowser(app, browser, commissioner, member));

  it('signs in from mailed links, creates and joins a league, runs a live two-person auction and shows the results', async () => {
    // --- The commissioner signs in with a link from a real mail.
    commissioner = await openUser(browser, app, 'commissioner@club.test');
    const c = commissioner.page;
    await c.goto('/');
    await c.waitForURL('**/sign-in');
    await screenshot(c, 'sign-in');
    await signIn(commissioner, app);
    await c.waitForURL('**/competitions');
    await byTestId(c, 'no-competitions').waitFor();
    await markDocument(c, 'commissioner');
    const { userId: commissionerId } = await sessionOf(c);

    // --- Creates a small football league: 2 chosen clubs in a fixed order, 1 club per manager.
    await byTestId(c, 'create-league-link').click();
    await byTestId(c, 'create-league-form').waitFor();
    await byTestId(c, 'league-name').fill('Saturday Club Auction');
    await byTestId(c, 'league-sport').selectOption('football');
    await byTestId(c, 'league-competition').selectOption('EPL');
    await byTestId(c, 'league-assets-chosen').check();
    await byTestId(c, 'league-nomination-order').selectOption('fixed');
    for (const [query, externalId] of [
      ['Arsenal', 'eng-arsenal'],
      ['Chelsea', 'eng-chelsea'],
    ] as const) {
      await byTestId(c, 'asset-search').fill(query);
      await byTestId(c, `asset-option-${externalId}`).check();
    }
    expect(await byTestId(c, 'selected-assets').locator('li').allTextContents()).toEqual([
      expect.stringContaining('Arsenal'),
      expect.stringContaining('Chelsea'),
    ]);
    const numbers: Record<string, number> = {
      budget: 100,
      rosterSize: 1,
      minManagers: 2,
      maxManagers: 4,
      openingBid: 1,
      minIncrement: 1,
      bidTimerSeconds: BID_TIMER_S,
      antiSnipeSeconds: ANTI_SNIPE_S,
      // Short pauses: this flow is about the whole journey, not the pauses' length.
      lotGapSeconds: 1,
      leadInSeconds: 1,
    };
    for (const [field, value] of Object.entries(numbers)) await byTestId(c, `league-${field}`).fill(String(value));
    await screenshot(c, 'create-league');
    await byTestId(c, 'create-league-submit').click();
    await c.waitForURL(/\/leagues\/[0-9a-f-]{36}$/);
    const leagueId = new URL(c.url()).pathname.split('/').pop()!;
    expect(await textOf(c, 'league-title')).toBe('Saturday Club Auction');
    expect(await byTestId(c, 'start-auction').isDisabled()).toBe(true); // one manager of the two needed
    await waitForAttribute(c, 'connection-state', 'data-state', 'connected');

    // --- Copies the invite link (the real clipboard of the browser).
    const inviteUrl = await byTestId(c, 'invite-link').inputValue();
    expect(inviteUrl).toMatch(new RegExp(`^${app.url}/join/[A-Za-z0-9_-]+$`));
    await commissioner.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    await byTestId(c, 'invite-link-copy').click();
    await c.getByText('Copied — share it with your members.').waitFor();
    expect(await c.evaluate(() => navigator.clipboard.readText())).toBe(inviteUrl);

    // --- A second person opens the invite link in their own browser, signs in from their mail and joins.
    member = await openUser(browser, app, 'member@club.test');
    const m = member.page;
    await m.goto(inviteUrl);
    await m.getByRole('heading', { name: 'You’re invited to Saturday Club Auction' }).waitFor();
    await byTestId(m, 'invite-sign-in').click();
    await m.waitForURL('**/sign-in');
    await signIn(member, app);
    await m.waitForURL(`**/leagues/${leagueId}?joined=1`);
    await byTestId(m, 'joined-confirmation').getByText('You joined Saturday Club Auction').waitFor();
    expect(await textOf(m, 'league-title')).toBe('Saturday Club Auction');
    await markDocument(m, 'member');
    const { userId: memberId } = await sessionOf(m);
    expect(memberId).not.toBe(commissionerId);
    await byTestId(m, `member-${commissionerId}`).waitFor();
    expect(await byTestId(m, 'start-auction').count()).toBe(0); // only the commissioner starts it
    await waitForAttribute(m, 'connection-state', 'data-state', 'connected');

    // --- The commissioner sees the new member arrive live, without a reload.
    await byTestId(c, `member-${memberId}`).waitFor({ timeout: 5000 });
    await c.waitForFunction(() => !(document.querySelector('[data-testid="start-auction"]') as HTMLButtonElement | null)?.disabled);
    await expectNoReload(c, 'commissioner');
    await screenshot(c, 'league');

    // --- Start: the member is offered the room at once (auction:started to the league room).
    await byTestId(c, 'start-auction').click();
    await byTestId(c, 'start-confirm').waitFor();
    expect(c.url()).toMatch(/\/leagues\//); // nothing starts before the confirmation
    await byTestId(c, 'start-confirm-now').click();
    const startedAt = Date.now();
    await byTestId(m, 'enter-auction').waitFor({ timeout: 3000 });
    const offeredAfterMs = Date.now() - startedAt;
    await c.waitForURL(/\/auctions\/[0-9a-f-]{36}$/);
    const auctionId = new URL(c.url()).pathname.split('/').pop()!;
    expect(await byTestId(m, 'enter-auction').getAttribute('href')).toBe(`/auctions/${auctionId}`);
    await byTestId(m, 'enter-auction').click();
    await m.waitForURL(`**/auctions/${auctionId}`);

    for (const page of [c, m]) {
      await waitForAttribute(page, 'auction-room', 'data-status', 'live');
      await waitForAttribute(page, 'connection-state', 'data-state', 'connected');
      await page.getByTestId('lot-name').filter({ hasText: 'Arsenal' }).waitFor();
    }

    // --- Both bid against each other; each sees the other's bid within a second.
    const first = await bidAndWatch(c, 'bid-min', m);
    const second = await bidAndWatch(m, 'bid-min', c);
    const third = await bidAndWatch(c, 'bid-plus-5', m);
    expect([first.amount, second.amount, third.amount]).toEqual([1, 2, 7]);
    for (const seen of [first, second, third]) expect(seen.seenAfterMs).toBeLessThan(LIVE_MS);
    expect(await textOf(m, 'high-bidder')).toContain('by ');
    expect(await textOf(c, 'high-bidder')).toBe('by you');

    // --- Arsenal sells to the commissioner for £7m; both rooms say so.
    for (const page of [c, m]) {
      await waitForAttribute(page, 'lot-result', 'data-kind', 'sold', LOT_WAIT_MS);
      const text = await textOf(page, 'lot-result');
      expect(text).toContain('Arsenal');
      expect(text).toContain('£7m');
    }
    expect(await textOf(c, 'my-roster-count')).toBe('1 / 1');

    // --- Chelsea comes up next: only the member can still buy; the commissioner's squad is full.
    await m.getByTestId('lot-name').filter({ hasText: 'Chelsea' }).waitFor({ timeout: LOT_WAIT_MS });
    await c.getByTestId('lot-name').filter({ hasText: 'Chelsea' }).waitFor({ timeout: LOT_WAIT_MS });
    expect(await byTestId(c, 'bid-min').isDisabled()).toBe(true);
    expect(await textOf(c, 'bid-disabled-reason')).toMatch(/squad is full/i);
    await screenshot(m, 'auction-room');
    const last = await bidAndWatch(m, 'bid-min', c);
    expect(last.amount).toBe(1);
    expect(last.seenAfterMs).toBeLessThan(LIVE_MS);

    // --- Every lot sold: the auction completes in both rooms.
    for (const page of [c, m]) {
      await waitForAttribute(page, 'auction-room', 'data-status', 'completed', LOT_WAIT_MS);
      await byTestId(page, 'auction-completed').waitFor();
    }

    // --- The results page lists each roster with its price.
    await byTestId(c, 'results-link').click();
    await c.waitForURL(`**/auctions/${auctionId}/results`);
    // (The room also has roster-<userId> lists: look inside the results only.)
    const resultsList = byTestId(c, 'results');
    await resultsList.getByTestId(`roster-${commissionerId}`).waitFor();
    expect(await resultsList.getByTestId(`roster-${commissionerId}`).locator('tr').allInnerTexts()).toEqual([
      expect.stringMatching(/^Arsenal\s+£7m$/),
    ]);
    expect(await resultsList.getByTestId(`roster-${memberId}`).locator('tr').allInnerTexts()).toEqual([
      expect.stringMatching(/^Chelsea\s+£1m$/),
    ]);
    expect(await textOf(c, `results-${commissionerId}`)).toContain('Spent £7m · left £93m');
    expect(await textOf(c, `results-${memberId}`)).toContain('Spent £1m · left £99m');
    await screenshot(c, 'results');

    // The page agrees with the API's answer.
    const { accessToken } = await sessionOf(c);
    const results = await app.api.get(`/api/auctions/${auctionId}/results`, { token: accessToken });
    expect(results.status).toBe(200);
    const byUser = Object.fromEntries(results.body.managers.map((mgr: any) => [mgr.userId, mgr]));
    expect(byUser[commissionerId].roster.map((r: any) => [r.asset.name, r.price])).toEqual([['Arsenal', 7]]);
    expect(byUser[memberId].roster.map((r: any) => [r.asset.name, r.price])).toEqual([['Chelsea', 1]]);

    // --- The member reaches the results from the room too.
    await byTestId(m, 'results-link').click();
    await m.waitForURL(`**/auctions/${auctionId}/results`);
    await byTestId(m, 'results').getByTestId(`roster-${memberId}`).getByText('Chelsea').waitFor();

    // --- Leaderboard (no results uploaded yet: everyone on 0 points), help, my competitions.
    await c.getByRole('link', { name: 'Leaderboard' }).click();
    await c.waitForURL(`**/leagues/${leagueId}/leaderboard`);
    await byTestId(c, 'leaderboard').waitFor();
    for (const id of [commissionerId, memberId]) await byTestId(c, `leader-${id}`).waitFor();
    // Both on 0 points and 0 goals/wins: the lower total spent ranks first (SPEC §2 tie-breaks).
    expect(
      await byTestId(c, 'leaderboard')
        .locator(':scope > li')
        .evaluateAll((items) => items.map((li) => li.getAttribute('data-testid'))),
    ).toEqual([`leader-${memberId}`, `leader-${commissionerId}`]);
    await screenshot(c, 'leaderboard');

    await byTestId(c, 'nav-help').click();
    await c.waitForURL('**/help');
    await c.getByRole('heading', { level: 1, name: 'How to play' }).waitFor();
    await c.getByRole('heading', { name: 'The rule at the buzzer' }).waitFor();
    await c.getByRole('heading', { name: 'Anti-snipe' }).waitFor();
    await screenshot(c, 'help');

    await byTestId(c, 'nav-competitions').click();
    await byTestId(c, `competition-${leagueId}`).waitFor();
    await screenshot(c, 'competitions');

    // --- One page life each: nothing above reloaded either page.
    await expectNoReload(c, 'commissioner');
    await expectNoReload(m, 'member');
    expect(offeredAfterMs).toBeLessThan(2000);
    expect(commissioner.problems.filter((p) => p.startsWith('pageerror'))).toEqual([]);
    expect(member.problems.filter((p) => p.startsWith('pageerror'))).toEqual([]);
  });
});
