import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_TOKEN, signAccessToken } from '@auction/auth-guard';
import { TEST_JWT_SECRET, testUser } from '@auction/testing';
import type { RunningApp } from './support/app.js';
import {
  byTestId,
  DESKTOP,
  expectNoReload,
  markDocument,
  sessionOf,
  signedInUser,
  startAppAndBrowser,
  stopAppAndBrowser,
  textOf,
  waitForAttribute,
  type SignedInUser,
} from './support/browser.js';
import { createClubLeague, joinLeague, LOT_STAYS_OPEN, startAuction } from './support/league.js';
import { connectionStates, recordConnectionStates } from './support/network.js';

/** What is left of the room's access token when the room opens: the server ends the socket then. */
const TOKEN_LEFT_MS = 6_000;
/** After expiry: reconnect (1 s), refused handshake, refresh, reconnect, re-join. */
const RECOVERY_MS = 20_000;

/** An access token for the signed-in user, as the auth service would sign it, that expires in `leftMs`. */
function expiringToken(user: SignedInUser, leftMs: number): string {
  const issuedAt = new Date(Date.now() + leftMs - ACCESS_TOKEN.ttlSeconds * 1000);
  return signAccessToken(TEST_JWT_SECRET, { id: user.userId, email: user.email, displayName: user.displayName }, issuedAt);
}

function storedAccessToken(page: Page): Promise<string | null> {
  return page.evaluate(() => localStorage.getItem('auction.accessToken'));
}

/**
 * SPEC §5 and docs/security-sessions.md item 2: the server disconnects a socket when its access
 * token expires and refuses the old token with TOKEN_EXPIRED; the client refreshes and
 * re-authenticates by itself. The room must keep hearing the auction and keep bidding, in the
 * same page life (no reload).
 */
describe('auction room across an access-token expiry', () => {
  let app: RunningApp;
  let browser: Browser;
  let manager: SignedInUser;
  let auctionId: string;
  let lotId: string;
  const rival = testUser('rival', TEST_JWT_SECRET);

  beforeAll(async () => {
    // The test signs tokens as the product does, so it shares the product's key.
    [app, browser] = await startAppAndBrowser({ JWT_SECRET: TEST_JWT_SECRET });
    manager = await signedInUser(browser, app, 'expiring@club.test', DESKTOP);
    const league = await createClubLeague(app, manager.token, ['eng-liverpool', 'eng-everton'], {
      name: 'Expiry League',
      rosterSize: 2,
      ...LOT_STAYS_OPEN,
    });
    await joinLeague(app, league.inviteToken, rival);
    auctionId = (await startAuction(app, manager.token, league.id)).id;
    lotId = (await app.api.get(`/api/auctions/${auctionId}`, { token: manager.token })).body.currentLot.id;

    // The room opens with a token about to expire; the refresh token is the real one from sign-in.
    await manager.page.evaluate((token) => localStorage.setItem('auction.accessToken', token), expiringToken(manager, TOKEN_LEFT_MS));
    await manager.page.goto(`/auctions/${auctionId}`);
    await waitForAttribute(manager.page, 'connection-state', 'data-state', 'connected');
    await byTestId(manager.page, 'lot-card').waitFor();
    await markDocument(manager.page, 'room');
    await recordConnectionStates(manager.page);
  });

  afterAll(() => stopAppAndBrowser(app, browser, manager));

  it('refreshes the token, re-joins the room and still hears bids, without a reload', async () => {
    const expiring = await storedAccessToken(manager.page);
    // Nothing but the socket's expiry makes the page refresh its token here (no HTTP call is due).
    await manager.page.waitForFunction((old) => localStorage.getItem('auction.accessToken') !== old, expiring, {
      timeout: TOKEN_LEFT_MS + RECOVERY_MS,
      polling: 100,
    });
    await waitForAttribute(manager.page, 'connection-state', 'data-state', 'connected', RECOVERY_MS);
    const states = (await connectionStates(manager.page)).map((change) => change.state);
    expect(states, 'the server ended the expired socket and the page came back by itself').toEqual(
      expect.arrayContaining(['reconnecting', 'connected']),
    );
    expect(states.at(-1)).toBe('connected');

    const bid = await app.api.post(
      `/api/auctions/${auctionId}/bids`,
      { lotId, amount: 7, clientBidId: randomUUID() },
      { token: rival.token },
    );
    expect(bid.status, JSON.stringify(bid.body)).toBe(201);
    await waitForAttribute(manager.page, 'auction-room', 'data-seq', String(bid.body.seq), RECOVERY_MS);
    expect(await textOf(manager.page, 'high-bid')).toContain('7');
    await expectNoReload(manager.page, 'room');
  });

  it('bids over the re-authenticated socket', async () => {
    await byTestId(manager.page, 'bid-min').click();
    await waitForAttribute(manager.page, 'bid-status', 'data-state', 'accepted');
    const snapshot = (await app.api.get(`/api/auctions/${auctionId}`, { token: rival.token })).body;
    expect(snapshot.currentLot).toMatchObject({ id: lotId, highBid: 8, highBidderId: (await sessionOf(manager.page)).userId });
    await expectNoReload(manager.page, 'room');
    expect(manager.problems.filter((problem) => problem.startsWith('pageerror'))).toEqual([]);
  });
});
