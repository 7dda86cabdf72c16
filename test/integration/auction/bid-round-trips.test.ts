import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestStack, TestUser } from '@auction/testing';
import { PlaceBidUseCase, SetProxyUseCase } from '@auction/auction';
import { auctionStack, snapshot, startedAuction, type World } from './support/world.js';

/**
 * The statements one bid sends to PostgreSQL, each a round trip: counted on the real driver,
 * for the bid's own async context only (the closer's polls run beside it and are not counted).
 */
const sent = new AsyncLocalStorage<string[]>();
const query = pg.Client.prototype.query;

async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const statements: string[] = [];
  await sent.run(statements, () => work().catch(() => undefined));
  return statements;
}

describe('round trips of the bid path', () => {
  let stack: TestStack;
  let placeBid: PlaceBidUseCase;
  let setProxy: SetProxyUseCase;

  beforeAll(async () => {
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const text = args[0] as string | { text: string };
      sent.getStore()?.push(typeof text === 'string' ? text : text.text);
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    stack = await auctionStack();
    placeBid = stack.app.get(PlaceBidUseCase, { strict: false });
    setProxy = stack.app.get(SetProxyUseCase, { strict: false });
  });
  afterAll(async () => {
    pg.Client.prototype.query = query;
    await stack?.close();
  });

  const bid = (world: World, user: TestUser, amount: number, clientBidId = randomUUID()) =>
    placeBid.execute({ auctionId: world.auction.id, lotId: world.auction.currentLot!.id, bidderId: user.id, amount, clientBidId });

  it('accepts a bid in two: one consistent read, one compare-and-set write', async () => {
    const world = await startedAuction(stack);
    const statements = await statementsOf(() => bid(world, world.managers[0]!, 5));
    expect(statements, statements.join('\n---\n')).toHaveLength(2);
  });

  it('keeps a final refusal in two, in one when this replica has seen the bid that beat it, and answers a retry in one', async () => {
    const world = await startedAuction(stack);
    await bid(world, world.managers[0]!, 5);
    const onRead = await statementsOf(() => bid(world, world.managers[1]!, 0));
    expect(onRead, onRead.join('\n---\n')).toHaveLength(2);
    const clientBidId = randomUUID();
    const refused = await statementsOf(() => bid(world, world.managers[1]!, 5, clientBidId));
    expect(refused, refused.join('\n---\n')).toHaveLength(1);
    const retried = await statementsOf(() => bid(world, world.managers[1]!, 5, clientBidId));
    expect(retried, retried.join('\n---\n')).toHaveLength(1);
  });

  it("accepts a bid on this replica's view of the lot as it is now in one, with no read", async () => {
    const world = await startedAuction(stack);
    const [first, second] = world.managers as [TestUser, TestUser];
    await bid(world, first, 5);
    await bid(world, second, 6);
    const onView = await statementsOf(() => bid(world, first, 7));
    expect(onView, onView.join('\n---\n')).toHaveLength(1);
    expect(onView[0]).toMatch(/update/i);
    expect((await snapshot(stack, world)).currentLot).toMatchObject({ highBid: 7, highBidderId: first.id });
  });

  it('gives a clientBidId sent again with a higher amount its first answer, accepted or refused, even where the view would accept it', async () => {
    const world = await startedAuction(stack);
    const [first, second] = world.managers as [TestUser, TestUser];
    const clientBidId = randomUUID();
    const accepted = await bid(world, first, 5, clientBidId);
    await bid(world, second, 6);
    let replayed: unknown;
    const statements = await statementsOf(async () => (replayed = await bid(world, first, 9, clientBidId)));
    expect(replayed).toEqual(accepted);
    expect(statements, statements.join('\n---\n')).toHaveLength(2);
    const refusedId = randomUUID();
    await expect(bid(world, first, 6, refusedId)).rejects.toMatchObject({ code: 'BID_TOO_LOW' });
    await expect(bid(world, first, 9, refusedId)).rejects.toMatchObject({ code: 'BID_TOO_LOW' });
    expect((await snapshot(stack, world)).currentLot).toMatchObject({ highBid: 6, highBidderId: second.id });
  });

  it("decides on a read when the bidder's purse is no longer the one this replica saw", async () => {
    const world = await startedAuction(stack);
    const [first, second] = world.managers as [TestUser, TestUser];
    await bid(world, first, 5);
    await bid(world, second, 6);
    // A purse changed behind this replica's back (as a sale or a correction elsewhere would change it).
    await stack.runtime.database.pool.query('update auction.managers set budget_remaining = 6 where auction_id = $1 and user_id = $2', [
      world.auction.id,
      first.id,
    ]);
    await expect(bid(world, first, 7)).rejects.toMatchObject({ code: 'BUDGET_EXCEEDED' });
    expect((await snapshot(stack, world)).currentLot).toMatchObject({ highBid: 6, highBidderId: second.id });
  });

  it('decides a bid in a pause under the auction lock', async () => {
    const world = await startedAuction(stack);
    const paused = await stack.api.post(`/api/auctions/${world.auction.id}/pause`, undefined, { token: world.commissioner.token });
    expect(paused.status).toBe(200);
    const statements = await statementsOf(() => bid(world, world.managers[0]!, 5));
    expect(statements, statements.join('\n---\n')).toHaveLength(LOCKED_ROUND_TRIPS);
  });

  it("refuses a bid already beaten on this replica's view in one, and answers a retry of an accepted bid with its acceptance", async () => {
    const world = await startedAuction(stack);
    const [first, second] = world.managers as [TestUser, TestUser];
    const clientBidId = randomUUID();
    const accepted = await bid(world, first, 5, clientBidId);
    await bid(world, second, 6);
    const beaten = await statementsOf(() => bid(world, first, 6));
    expect(beaten, beaten.join('\n---\n')).toHaveLength(1);
    await expect(bid(world, first, 6)).rejects.toMatchObject({ code: 'BID_TOO_LOW', message: 'Your bid must be at least 7' });
    let replayed: unknown;
    const retried = await statementsOf(async () => (replayed = await bid(world, first, 5, clientBidId)));
    expect(retried, retried.join('\n---\n')).toHaveLength(1);
    expect(replayed).toEqual(accepted);
    expect((await snapshot(stack, world)).currentLot).toMatchObject({ highBid: 6, highBidderId: second.id });
    const stored = await stack.runtime.database.pool.query('select count(*)::int as n from auction.bid_refusals where client_bid_id = $1', [
      clientBidId,
    ]);
    expect(stored.rows[0].n).toBe(0);
  });

  it('refuses the bids beaten on arrival together in one statement, each with its own answer', async () => {
    const world = await startedAuction(stack, { managers: 4 });
    const [first, second, third, fourth] = world.managers as [TestUser, TestUser, TestUser, TestUser];
    const acceptedId = randomUUID();
    const accepted = await bid(world, first, 5, acceptedId);
    await bid(world, second, 6);
    const racingId = randomUUID();
    const answers: Array<PromiseSettledResult<unknown>> = [];
    const statements = await statementsOf(async () =>
      answers.push(
        ...(await Promise.allSettled([
          bid(world, first, 5, acceptedId),
          bid(world, third, 4, racingId),
          bid(world, third, 4, racingId),
          bid(world, fourth, 6),
        ])),
      ),
    );
    expect(statements, statements.join('\n---\n')).toHaveLength(1);
    expect(answers[0]).toEqual({ status: 'fulfilled', value: accepted });
    for (const refused of answers.slice(1)) expect(refused).toMatchObject({ status: 'rejected', reason: { code: 'BID_TOO_LOW' } });
    const kept = await stack.runtime.database.pool.query('select client_bid_id from auction.bid_refusals where auction_id = $1', [
      world.auction.id,
    ]);
    expect(kept.rows.filter((row) => row.client_bid_id === racingId)).toHaveLength(1);
    expect(kept.rows).toHaveLength(2);
  });

  it('decides bids of one auction arriving at once one at a time, the highest next, and refuses all the ones it beat in one statement', async () => {
    const world = await startedAuction(stack, { managers: 8 });
    const amounts = world.managers.map((_, i) => 5 + i);
    const answers: Array<PromiseSettledResult<unknown>> = [];
    const statements = await statementsOf(async () =>
      answers.push(...(await Promise.allSettled(world.managers.map((manager, i) => bid(world, manager, amounts[i]!))))),
    );
    // The first opens the lane; the highest waiting (12) goes next; 6 to 11 are beaten by then, and refused together.
    expect(answers.map((a) => a.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    expect(statements, statements.join('\n---\n')).toHaveLength(2 + 2 + 1);
    expect((await snapshot(stack, world)).currentLot).toMatchObject({ highBid: 12, highBidderId: world.managers[7]!.id });
    const refused = await stack.runtime.database.pool.query(
      "select count(*)::int as n from auction.bid_refusals where auction_id = $1 and code = 'BID_TOO_LOW'",
      [world.auction.id],
    );
    expect(refused.rows[0].n).toBe(6);
  });

  it('answers a beaten bid in a pause AUCTION_PAUSED, as a read would', async () => {
    const world = await startedAuction(stack);
    await bid(world, world.managers[0]!, 5);
    const paused = await stack.api.post(`/api/auctions/${world.auction.id}/pause`, undefined, { token: world.commissioner.token });
    expect(paused.status).toBe(200);
    await expect(bid(world, world.managers[1]!, 5)).rejects.toMatchObject({ code: 'AUCTION_PAUSED' });
  });

  it("accepts a bid on a lot with a proxy in two as well, the proxy's answer written with it, and refuses a low one in one", async () => {
    const world = await startedAuction(stack);
    const [holder, bidder] = world.managers as [TestUser, TestUser];
    const lot = world.auction.currentLot!;
    const proxy = await statementsOf(() =>
      setProxy.execute({ auctionId: world.auction.id, userId: holder.id, assetId: lot.asset.id, maxAmount: 20 }),
    );
    expect(proxy, proxy.join('\n---\n')).toHaveLength(SET_PROXY_ROUND_TRIPS);
    const accepted = await statementsOf(() => bid(world, bidder, 5));
    expect(accepted, accepted.join('\n---\n')).toHaveLength(2);
    // The proxy's answer (6) is on this replica's view: a bid of 5 is beaten without reading the auction.
    const refused = await statementsOf(() => bid(world, bidder, 5));
    expect(refused, refused.join('\n---\n')).toHaveLength(1);
    expect((await snapshot(stack, world)).currentLot).toMatchObject({ highBid: 6, highBidderId: holder.id });
  });

  it("writes the proxies of one auction set at once one after the other, so only one holds a connection waiting for the auction's lock", async () => {
    const world = await startedAuction(stack, { managers: 6 });
    const lot = world.auction.currentLot!;
    const statements = await statementsOf(() =>
      Promise.all(
        world.managers.map((manager, i) =>
          setProxy.execute({ auctionId: world.auction.id, userId: manager.id, assetId: lot.asset.id, maxAmount: 10 + i }),
        ),
      ),
    );
    const transactions = statements.map((text) => text.trim().toLowerCase()).filter((text) => text === 'begin' || text === 'commit');
    expect(transactions).toEqual(world.managers.flatMap(() => ['begin', 'commit']));
    expect((await snapshot(stack, world)).currentLot).toMatchObject({ highBidderId: world.managers[5]!.id });
  });
});

/** The optimistic read, then the locked transaction: BEGIN, lock, read, write, COMMIT. */
const LOCKED_ROUND_TRIPS = 6;
/** BEGIN, the setter's standing, the proxy, then the lock for the open lot with its proxies, their bids and COMMIT. */
const SET_PROXY_ROUND_TRIPS = 7;
