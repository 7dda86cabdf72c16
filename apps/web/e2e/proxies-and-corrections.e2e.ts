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
  waitForAttribute,
  type SignedInUser,
} from './support/browser.js';
import { createClubLeague, joinLeague, startAuction } from './support/league.js';

/** SPEC §8: an absent manager's proxy wins at the second price; the commissioner undoes the sale and every screen shows it. */
describe('proxy bids and corrections in the room', () => {
  let app: RunningApp;
  let browser: Browser;
  let chair: SignedInUser;
  let ann: SignedInUser;
  let bob: SignedInUser;
  let auctionId: string;

  beforeAll(async () => {
    [app, browser] = await startAppAndBrowser();
    chair = await signedInUser(browser, app, 'chair@club.test', DESKTOP);
    ann = await signedInUser(browser, app, 'ann@club.test', PHONE);
    bob = await signedInUser(browser, app, 'bob@club.test', PHONE);
    const league = await createClubLeague(app, chair.token, ['eng-arsenal', 'eng-chelsea'], {
      name: 'Proxy League',
      rosterSize: 1,
      bidTimerSeconds: 120,
      antiSnipeSeconds: 0,
      lotGapSeconds: 0,
      leadInSeconds: 0,
    });
    await joinLeague(app, league.inviteToken, ann, bob);
    auctionId = (await startAuction(app, chair.token, league.id)).id;
  }, 120_000);

  afterAll(() => stopAppAndBrowser(app, browser, chair, ann, bob));

  it('lets an absent manager’s proxy win at the second price', async () => {
    await ann.page.goto(`/auctions/${auctionId}`);
    await byTestId(ann.page, 'proxy-amount').fill('20');
    await byTestId(ann.page, 'proxy-set').tap();
    await byTestId(ann.page, 'proxy-standing').filter({ hasText: 'Leading at £1m' }).waitFor();
    await screenshot(ann.page, 'proxy-set');
    await ann.page.goto('/competitions'); // Ann is away from the room from now on.

    await bob.page.goto(`/auctions/${auctionId}`);
    await byTestId(bob.page, 'bid-custom-amount').fill('9');
    await byTestId(bob.page, 'bid-custom-submit').tap();
    await waitForAttribute(bob.page, 'high-bid', 'data-amount', '10');
    expect(await byTestId(bob.page, 'high-bidder').textContent()).toContain(ann.displayName);
    expect(await bob.page.content()).not.toContain('up to £20m'); // how Ann's own page shows her maximum

    expect((await app.api.post(`/api/auctions/${auctionId}/end`, undefined, { token: chair.token })).status).toBe(200);
    await waitForAttribute(bob.page, 'auction-room', 'data-status', 'completed');
    await byTestId(bob.page, 'closed-lot')
      .filter({ hasText: `Sold to ${ann.displayName} for £10m` })
      .waitFor();
  });

  it('undoes the sale after a confirmation naming the club and the amount, on every screen', async () => {
    await chair.page.goto(`/auctions/${auctionId}`);
    const lotId = (await byTestId(chair.page, 'closed-lot').first().getAttribute('data-lot-id'))!;
    await byTestId(chair.page, 'correction-lot').selectOption(lotId);
    await byTestId(chair.page, 'correction-undo').click();
    expect(await byTestId(chair.page, 'correction-confirm').textContent()).toContain(
      `Undo the sale of Arsenal to ${ann.displayName}? ${ann.displayName} gets £10m back`,
    );
    await screenshot(chair.page, 'undo-confirmation');
    await byTestId(chair.page, 'correction-confirm-yes').click();

    const sentence = `undid the sale of Arsenal to ${ann.displayName} (£10m refunded)`;
    for (const page of [chair.page, bob.page]) {
      await page.locator(`[data-testid="closed-lot"][data-lot-id="${lotId}"][data-status="unsold"]`).waitFor();
      await byTestId(page, 'audit-entry').filter({ hasText: sentence }).waitFor();
    }
    await ann.page.goto(`/auctions/${auctionId}/results`);
    // Ann reads it about herself.
    await byTestId(ann.page, 'audit-entry').filter({ hasText: 'undid the sale of Arsenal to you (£10m refunded)' }).waitFor();
    await screenshot(ann.page, 'results-audit');
  });
});
