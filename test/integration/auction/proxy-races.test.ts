import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestStack, TestUser } from '@auction/testing';
import { PlaceBidUseCase, SetProxyUseCase } from '@auction/auction';
import { auctionStack, bid, snapshot, startedAuction } from './support/world.js';

const query = pg.Client.prototype.query;

/**
 * Holds the next statement of that name (a prepared statement of the engine) until `release`,
 * on the real driver: `reached` resolves when it is sent.
 */
function holdNext(name: string): { reached: Promise<void>; release: () => void } {
  let reached!: () => void;
  let release!: () => void;
  const sent = new Promise<void>((resolve) => (reached = resolve));
  const gate = new Promise<void>((resolve) => (release = resolve));
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0] as { name?: string } | string;
    const go = () => (query as (...a: unknown[]) => unknown).apply(this, args);
    if (typeof config !== 'object' || config.name !== name) return go();
    pg.Client.prototype.query = query;
    reached();
    if (typeof args.at(-1) === 'function') return void gate.then(go);
    return gate.then(go);
  } as typeof query;
  return { reached: sent, release };
}

/** SPEC §8: a lot never rests where a rival proxy could top, whatever the order bids and maxima arrive in. */
describe('proxies set while a bid is decided', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await auctionStack();
  });
  afterAll(async () => {
    pg.Client.prototype.query = query;
    await stack?.close();
  });

  it('looks again at a bid decided on a view from before a proxy was set, and the proxy answers it', async () => {
    const world = await startedAuction(stack);
    const [holder, rival] = world.managers as [TestUser, TestUser];
    const lot = world.auction.currentLot!;
    expect((await bid(stack, world, holder, 3)).status).toBe(201);

    // The rival's bid is ruled on a view without proxies; its write waits while the leader sets one.
    const held = holdNext('bid_accept_if_unchanged');
    const placeBid = stack.app.get(PlaceBidUseCase, { strict: false });
    const rivalBid = placeBid.execute({
      auctionId: world.auction.id,
      lotId: lot.id,
      bidderId: rival.id,
      amount: 4,
      clientBidId: randomUUID(),
    });
    await held.reached;
    const setProxy = stack.app.get(SetProxyUseCase, { strict: false });
    await setProxy.execute({ auctionId: world.auction.id, userId: holder.id, assetId: lot.asset.id, maxAmount: 20 });
    expect((await snapshot(stack, world)).currentLot).toMatchObject({ highBid: 3, highBidderId: holder.id });
    held.release();

    expect(await rivalBid).toMatchObject({ amount: 4, bidderId: rival.id });
    expect((await snapshot(stack, world)).currentLot).toMatchObject({ highBid: 5, highBidderId: holder.id });
  });
});
