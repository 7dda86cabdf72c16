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
  textOf,
  waitForAttribute,
  type SignedInUser,
} from './support/browser.js';
import { createClubLeague, joinLeague, startAuction } from './support/league.js';

/** The longest club name in the catalogue: the "Bid for me" select must show it whole. */
const LONG_CLUB = 'Wolverhampton Wanderers';

/** How the "Bid for me" form lays out at the page's current width. */
function proxyFormLayout(page: Page) {
  return page.evaluate(() => {
    const select = document.querySelector<HTMLSelectElement>('[data-testid="proxy-asset"]')!;
    const button = document.querySelector<HTMLButtonElement>('[data-testid="proxy-set"]')!;
    const px = (value: string) => Number.parseFloat(value) || 0;
    const selectStyle = getComputedStyle(select);
    // Each option's text laid out in the select's own font: what the closed select has to show.
    const probe = document.createElement('span');
    probe.style.cssText = `position:absolute;visibility:hidden;white-space:nowrap;font:${selectStyle.font}`;
    document.body.append(probe);
    const optionWidths = [...select.options].map((option) => {
      probe.textContent = option.text;
      return probe.scrollWidth;
    });
    probe.remove();
    const buttonStyle = getComputedStyle(button);
    const lineHeight = buttonStyle.lineHeight === 'normal' ? px(buttonStyle.fontSize) * 1.2 : px(buttonStyle.lineHeight);
    const buttonRect = button.getBoundingClientRect();
    return {
      viewport: window.innerWidth,
      pageScrollWidth: document.documentElement.scrollWidth,
      selectRight: select.getBoundingClientRect().right,
      // Room for text inside the select: its box less padding, border and Chromium's arrow (about 20 px).
      selectTextRoom:
        select.getBoundingClientRect().width -
        px(selectStyle.paddingLeft) -
        px(selectStyle.paddingRight) -
        px(selectStyle.borderLeftWidth) -
        px(selectStyle.borderRightWidth) -
        20,
      widestOption: Math.max(...optionWidths),
      buttonRight: buttonRect.right,
      buttonTextHeight:
        buttonRect.height -
        px(buttonStyle.paddingTop) -
        px(buttonStyle.paddingBottom) -
        px(buttonStyle.borderTopWidth) -
        px(buttonStyle.borderBottomWidth),
      lineHeight,
      buttonLabel: button.textContent,
    };
  });
}

/** SPEC §8, managers mode, before anything is nominated: the room on 375-px phones (and the same page at 1280 px). */
describe('the room while a manager is choosing what to nominate', () => {
  let app: RunningApp;
  let browser: Browser;
  let ann: SignedInUser;
  let bob: SignedInUser;
  let nominator: SignedInUser;
  let waiting: SignedInUser;

  beforeAll(async () => {
    [app, browser] = await startAppAndBrowser();
    ann = await signedInUser(browser, app, 'ann@club.test', PHONE);
    bob = await signedInUser(browser, app, 'bob@club.test', PHONE);
    const league = await createClubLeague(app, ann.token, ['eng-arsenal', 'eng-tottenham-hotspur', 'eng-wolverhampton-wanderers'], {
      name: 'Choosing League',
      rosterSize: 1,
      lotGapSeconds: 0,
      leadInSeconds: 0,
      nominationMode: 'managers',
      // The longest turn: nothing is nominated for anyone while the test looks.
      nominationSeconds: 300,
    });
    await joinLeague(app, league.inviteToken, bob);
    const auctionId = (await startAuction(app, ann.token, league.id)).id;
    const snapshot = (await app.api.get(`/api/auctions/${auctionId}`, { token: ann.token })).body;
    expect(snapshot.nomination?.userId, JSON.stringify(snapshot)).toEqual(expect.any(String));
    [nominator, waiting] = snapshot.nomination.userId === ann.userId ? [ann, bob] : [bob, ann];
    for (const user of [ann, bob]) {
      await user.page.goto(`/auctions/${auctionId}`);
      await waitForAttribute(user.page, 'auction-room', 'data-status', 'live');
    }
  }, 120_000);

  afterAll(() => stopAppAndBrowser(app, browser, ann, bob));

  it('says on the lot card who is to nominate, and to the nominator that it is their turn', async () => {
    await byTestId(waiting.page, 'nominating').waitFor();
    expect(await textOf(waiting.page, 'lot-name')).toBe(`Waiting for ${nominator.displayName} to nominate the next club`);
    await byTestId(nominator.page, 'your-turn').waitFor();
    expect(await textOf(nominator.page, 'lot-name')).toBe('Nothing on sale yet: you choose the next club');
  });

  it('fits "Bid for me" on a 375-px phone and on a laptop: a whole club name, the button on one line', async () => {
    const page = waiting.page;
    await byTestId(page, 'proxy-asset').locator('option', { hasText: LONG_CLUB }).waitFor({ state: 'attached' });
    await byTestId(page, 'proxy-asset').selectOption({ label: LONG_CLUB });
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 740 });
      const layout = await proxyFormLayout(page);
      const seen = JSON.stringify(layout);
      expect(layout.viewport, seen).toBe(width);
      expect(layout.pageScrollWidth, `nothing scrolls sideways at ${width} px: ${seen}`).toBeLessThanOrEqual(width);
      expect(layout.selectRight, seen).toBeLessThanOrEqual(width);
      expect(layout.selectTextRoom, `the select shows "${LONG_CLUB}" whole at ${width} px: ${seen}`).toBeGreaterThanOrEqual(
        layout.widestOption,
      );
      expect(layout.buttonRight, seen).toBeLessThanOrEqual(width);
      expect(layout.buttonTextHeight, `the button label is one line at ${width} px: ${seen}`).toBeLessThan(layout.lineHeight * 1.5);
    }
    await page.setViewportSize({ width: 375, height: 740 });
    // Without a pick, the club the select shows is the one the button sets.
    const shown = byTestId(nominator.page, 'proxy-asset');
    await shown.locator('option').first().waitFor({ state: 'attached' });
    expect(await shown.inputValue()).toBe(await shown.locator('option').first().getAttribute('value'));
    expect(await byTestId(nominator.page, 'proxy-set').isEnabled()).toBe(true);
    await screenshot(page, 'bid-for-me-waiting');
    await screenshot(nominator.page, 'bid-for-me-your-turn');
  });
});
