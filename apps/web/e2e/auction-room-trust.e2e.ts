import type { Browser, Page } from 'playwright-core';
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
  waitForAttribute,
  type SignedInUser,
} from './support/browser.js';
import { createClubLeague, joinLeague } from './support/league.js';

const BID_TIMER_S = 10;
const ANTI_SNIPE_S = 5;
const LOT_GAP_S = 4;
const LEAD_IN_S = 3;
/** A lot closes after its timer plus extensions; this is the most we wait for one. */
const LOT_WAIT_MS = (BID_TIMER_S + ANTI_SNIPE_S * 3 + LOT_GAP_S + 10) * 1000;

/** Every `bid:place` the page sends over its socket, with the lot it names. */
async function recordBidsSent(page: Page): Promise<() => Promise<Array<{ lotId: string; amount: number }>>> {
  const sent: Array<{ lotId: string; amount: number }> = [];
  page.on('websocket', (socket) => {
    socket.on('framesent', (frame) => {
      const text = typeof frame.payload === 'string' ? frame.payload : frame.payload.toString('utf8');
      const match = text.match(/^\d+\["bid:place",(\{.*?\})\]$/);
      if (match) sent.push(JSON.parse(match[1]!));
    });
  });
  return async () => [...sent];
}

async function remainingMs(page: Page): Promise<number> {
  return Number(await byTestId(page, 'countdown').getAttribute('data-remaining-ms'));
}

describe('the auction room people trust: gap, lead-in, schedule, outbid, extension, memory (375 px)', () => {
  let app: RunningApp;
  let browser: Browser;
  let chair: SignedInUser;
  let ann: SignedInUser;
  let bob: SignedInUser;
  let auctionId: string;
  let leagueId: string;
  let bidsSentByAnn: () => Promise<Array<{ lotId: string; amount: number }>>;

  beforeAll(async () => {
    [app, browser] = await startAppAndBrowser();
    chair = await signedInUser(browser, app, 'chair@club.test', DESKTOP);
    ann = await signedInUser(browser, app, 'ann@club.test', PHONE);
    bob = await signedInUser(browser, app, 'bob@club.test', PHONE);
    const league = await createClubLeague(app, chair.token, ['eng-arsenal', 'eng-chelsea', 'eng-everton'], {
      name: 'Trust League',
      rosterSize: 2,
      bidTimerSeconds: BID_TIMER_S,
      antiSnipeSeconds: ANTI_SNIPE_S,
      lotGapSeconds: LOT_GAP_S,
      leadInSeconds: LEAD_IN_S,
    });
    leagueId = league.id;
    await joinLeague(app, league.inviteToken, ann, bob);
    bidsSentByAnn = await recordBidsSent(ann.page);
  }, 120_000);

  afterAll(() => stopAppAndBrowser(app, browser, chair, ann, bob));

  it('shows a scheduled auction as a lobby countdown, then the lead-in, then the first lot', async () => {
    // Bob waits on My competitions: its league card listens to the lobby (league:join acknowledged).
    const lobbyJoined = new Promise<void>((resolve) => {
      bob.page.on('websocket', (socket) => {
        let asked = false;
        socket.on('framesent', (frame) => {
          if (String(frame.payload).includes('"league:join"')) asked = true;
        });
        socket.on('framereceived', (frame) => {
          if (asked && /^43\d*\[\{"ok":true,"online"/.test(String(frame.payload))) resolve();
        });
      });
    });
    await bob.page.goto('/competitions');
    await lobbyJoined;
    expect(await byTestId(bob.page, 'enter-auction').count()).toBe(0);
    const startsAt = new Date(Date.now() + 9_000);
    const scheduled = await app.api.post('/api/auctions', { leagueId, startsAt: startsAt.toISOString() }, { token: chair.token });
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(201);
    auctionId = scheduled.body.id;
    // The button appears live, without a reload.
    await byTestId(bob.page, 'enter-auction').waitFor({ timeout: 3000 });
    expect(await byTestId(bob.page, 'enter-auction').getAttribute('href')).toBe(`/auctions/${auctionId}`);
    await ann.page.goto(`/leagues/${leagueId}`);
    await byTestId(ann.page, 'lobby-countdown').waitFor();
    await byTestId(ann.page, 'enter-auction').tap();
    await ann.page.waitForURL(`**/auctions/${auctionId}`);
    await waitForAttribute(ann.page, 'auction-room', 'data-status', 'scheduled');
    expect(await textOf(ann.page, 'scheduled-lobby')).toMatch(/^The auction starts in \d/);
    expect(await byTestId(ann.page, 'bid-min').isDisabled()).toBe(true);
    await screenshot(ann.page, 'scheduled-lobby');

    await waitForAttribute(ann.page, 'lot-card', 'data-state', 'lead-in', 15_000);
    expect(await textOf(ann.page, 'next-lot-in')).toMatch(/^First club in \d/);
    expect(await byTestId(ann.page, 'bid-min').isDisabled()).toBe(true);
    await screenshot(ann.page, 'lead-in');
    await ann.page
      .getByTestId('lot-name')
      .filter({ hasText: 'Arsenal' })
      .waitFor({ timeout: LEAD_IN_S * 1000 + 5000 });
  });

  it('makes being outbid unmistakable and flashes every anti-snipe extension', async () => {
    const page = ann.page;
    await page.evaluate(() => {
      const w = window as unknown as { __vibrations: unknown[] };
      w.__vibrations = [];
      Object.defineProperty(navigator, 'vibrate', {
        configurable: true,
        value: (pattern: unknown) => (w.__vibrations.push(pattern), true),
      });
    });
    await byTestId(page, 'bid-min').tap();
    await waitForAttribute(page, 'bid-status', 'data-state', 'accepted');
    const lotId = (await byTestId(page, 'lot-card').getAttribute('data-lot-id'))!;

    // Bob outbids early (no extension): Ann's line turns to the outbid warning and the phone buzzes.
    const early = await app.api.post(
      `/api/auctions/${auctionId}/bids`,
      { lotId, amount: 2, clientBidId: crypto.randomUUID() },
      { token: bob.token },
    );
    expect(early.status, JSON.stringify(early.body)).toBe(201);
    await waitForAttribute(page, 'bid-status', 'data-state', 'outbid');
    expect(await textOf(page, 'bid-status')).toBe(`Outbid — ${bob.displayName} bid £2m`);
    expect(await page.evaluate(() => (window as unknown as { __vibrations: unknown[] }).__vibrations.length)).toBe(1);
    // The result line sits right under the bid buttons, on the first screen of a 375-px phone.
    const buttons = (await byTestId(page, 'bid-min').boundingBox())!;
    const line = (await byTestId(page, 'bid-status').boundingBox())!;
    expect(line.y - (buttons.y + buttons.height)).toBeLessThan(40);
    expect(line.y + line.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    await screenshot(page, 'outbid');

    // Ann leads again, then Bob bids inside the anti-snipe window: the deadline moves and "+N s" flashes.
    await byTestId(page, 'bid-min').tap();
    await waitForAttribute(page, 'bid-status', 'data-state', 'accepted');
    await expect.poll(() => remainingMs(page), { timeout: BID_TIMER_S * 1000, interval: 50 }).toBeLessThan((ANTI_SNIPE_S - 1.5) * 1000);
    const late = await app.api.post(
      `/api/auctions/${auctionId}/bids`,
      { lotId, amount: 4, clientBidId: crypto.randomUUID() },
      { token: bob.token },
    );
    expect(late.status, JSON.stringify(late.body)).toBe(201);
    await byTestId(page, 'extension-flash').waitFor({ timeout: 3000 });
    expect(await textOf(page, 'extension-flash')).toMatch(/^\+\d s$/);
    await waitForAttribute(page, 'bid-status', 'data-state', 'outbid');
    await screenshot(page, 'extension');
  });

  it('never sends a typed amount to the next lot: the box empties when the lot sells, and Bid sends nothing', async () => {
    const page = ann.page;
    const soldLotId = (await byTestId(page, 'lot-card').getAttribute('data-lot-id'))!;
    await byTestId(page, 'bid-custom-amount').fill('20');
    const sentBefore = (await bidsSentByAnn()).length;
    expect(sentBefore, 'the recorder saw the two bids Ann tapped').toBe(2);

    await waitForAttribute(page, 'lot-card', 'data-state', 'gap', LOT_WAIT_MS);
    expect(await textOf(page, 'lot-gap-result')).toBe(`Sold to ${bob.displayName} for £4m`);
    expect(await textOf(page, 'next-lot-in')).toMatch(/^Next club in \d/);
    expect(await byTestId(page, 'bid-custom-amount').inputValue()).toBe('');
    expect(await byTestId(page, 'bid-custom-submit').isDisabled()).toBe(true);
    await screenshot(page, 'gap');
    await byTestId(page, 'bid-custom-submit').tap({ force: true });

    await page
      .getByTestId('lot-name')
      .filter({ hasText: 'Chelsea' })
      .waitFor({ timeout: LOT_GAP_S * 1000 + 5000 });
    expect(await byTestId(page, 'bid-custom-amount').inputValue()).toBe('');
    expect(await byTestId(page, 'bid-custom-submit').isDisabled()).toBe(true);
    await byTestId(page, 'bid-custom-submit').tap({ force: true });
    const newLotId = (await byTestId(page, 'lot-card').getAttribute('data-lot-id'))!;
    expect(newLotId).not.toBe(soldLotId);
    expect((await bidsSentByAnn()).slice(sentBefore)).toEqual([]);
    const history = await app.api.get(`/api/auctions/${auctionId}/bids?lotId=${newLotId}`, { token: chair.token });
    expect(history.body.items).toEqual([]);
  });

  it('shows a late joiner and a reload every earlier sale', async () => {
    await chair.page.goto(`/auctions/${auctionId}`);
    await waitForAttribute(chair.page, 'auction-room', 'data-status', 'live');
    for (const page of [chair.page, ann.page]) {
      if (page === ann.page) await page.reload();
      const sale = page.getByTestId('closed-lot').filter({ hasText: 'Arsenal' });
      await sale.waitFor();
      expect(await sale.getAttribute('data-status')).toBe('sold');
      expect(await sale.textContent()).toContain(`Sold to ${bob.displayName} for £4m`);
    }
    await screenshot(chair.page, 'late-joiner');
  });
});
