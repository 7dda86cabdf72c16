import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from './support/app.js';
import {
  byTestId,
  PHONE,
  screenshot,
  signedInUser,
  startAppAndBrowser,
  stopAppAndBrowser,
  waitForAttribute,
  type SignedInUser,
} from './support/browser.js';
import { createClubLeague, joinLeague, startAuction } from './support/league.js';

/** SPEC §8 on two phones: managers nominate in turn; one lets the clock run out and sees the auto badge. */
describe('managers nominate in turn, on 375-px phones', () => {
  let app: RunningApp;
  let browser: Browser;
  let ann: SignedInUser;
  let bob: SignedInUser;
  let auctionId: string;

  beforeAll(async () => {
    [app, browser] = await startAppAndBrowser();
    ann = await signedInUser(browser, app, 'ann@club.test', PHONE);
    const league = await createClubLeague(app, ann.token, ['eng-liverpool', 'eng-everton', 'eng-fulham', 'eng-brentford'], {
      name: 'Turns League',
      rosterSize: 2,
      bidTimerSeconds: 4,
      antiSnipeSeconds: 0,
      lotGapSeconds: 0,
      leadInSeconds: 0,
      nominationMode: 'managers',
      nominationSeconds: 8,
    });
    bob = await signedInUser(browser, app, 'bob@club.test', PHONE);
    await joinLeague(app, league.inviteToken, bob);
    auctionId = (await startAuction(app, ann.token, league.id)).id;
    for (const user of [ann, bob]) {
      await user.page.goto(`/auctions/${auctionId}`);
      await waitForAttribute(user.page, 'auction-room', 'data-status', 'live');
    }
  }, 120_000);

  afterAll(() => stopAppAndBrowser(app, browser, ann, bob));

  async function turnHolder(): Promise<{ nominator: Page; other: Page }> {
    const snapshot = (await app.api.get(`/api/auctions/${auctionId}`, { token: ann.token })).body;
    return snapshot.nomination.userId === ann.userId ? { nominator: ann.page, other: bob.page } : { nominator: bob.page, other: ann.page };
  }

  it('lets the manager whose turn it is nominate from the pool, and shows everyone else who is nominating', async () => {
    const { nominator, other } = await turnHolder();
    await byTestId(other, 'nominating').waitFor();
    await byTestId(nominator, 'your-turn').waitFor();
    expect(await nominator.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(nominator, 'your-turn');
    await byTestId(nominator, 'pool-search').fill('ever');
    await byTestId(nominator, 'nominee').first().tap();
    await byTestId(nominator, 'nomination-amount').fill('3');
    await byTestId(nominator, 'nominate').tap();
    for (const page of [nominator, other]) await page.getByTestId('lot-name').filter({ hasText: 'Everton' }).waitFor();
    expect(await byTestId(other, 'nominated-by').textContent()).not.toContain('auto');
  });

  it('keeps a queue with up and down buttons, and nominates its first asset when the clock runs out, with the auto badge', async () => {
    // The Everton lot closes (4 s), then the other manager's turn starts.
    await byTestId(ann.page, 'nominating').or(byTestId(ann.page, 'your-turn')).waitFor({ timeout: 15_000 });
    const { nominator } = await turnHolder();
    const pool = byTestId(nominator, 'pool');
    await pool.getByRole('button', { name: 'Add Liverpool to my queue' }).tap();
    await pool.getByRole('button', { name: 'Add Fulham to my queue' }).tap();
    await byTestId(nominator, 'queue').getByRole('button', { name: 'Move Liverpool down' }).tap();
    await expect
      .poll(() => byTestId(nominator, 'queue-item').allTextContents())
      .toEqual([expect.stringContaining('Fulham'), expect.stringContaining('Liverpool')]);
    await screenshot(nominator, 'queue');
    for (const page of [ann.page, bob.page]) {
      await page.getByTestId('lot-name').filter({ hasText: 'Fulham' }).waitFor({ timeout: 15_000 });
      await byTestId(page, 'auto-badge').waitFor();
    }
  });
});
