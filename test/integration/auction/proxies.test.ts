import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AcceptedBid, AuctionSnapshot } from '@auction/contracts';
import { ManualClock, testUser, type TestStack, type TestUser } from '@auction/testing';
import { expectAuctionInvariants } from './support/invariants.js';
import { OpenSockets, type ClientSocket } from './support/sockets.js';
import { auctionStack, bid, snapshot, startedAuction, type World } from './support/world.js';

/** SPEC §8 "Proxy bids": a private maximum bids the least that leads, at once, and is never shown to anyone else. */
describe('proxy bids', () => {
  const clock = new ManualClock(new Date('2026-09-02T19:00:00.000Z'));
  const open = new OpenSockets();
  let stack: TestStack;

  beforeAll(async () => {
    stack = await auctionStack({ clock });
  });
  afterEach(() => open.closeAll());
  afterAll(async () => {
    await stack.close();
  });

  const proxyPath = (world: World, assetId: string) => `/api/auctions/${world.auction.id}/proxies/${assetId}`;
  const history = async (world: World, lotId: string, user: TestUser) =>
    (await stack.api.get<{ items: AcceptedBid[] }>(`/api/auctions/${world.auction.id}/bids?lotId=${lotId}`, { token: user.token })).body
      .items;

  /** Everything a socket hears, to search for what must never be in it. */
  async function listen(world: World, user: TestUser): Promise<{ socket: ClientSocket; heard: unknown[] }> {
    const socket = await open.connect(stack.url, user.token);
    const heard: unknown[] = [];
    socket.onAny((event: string, payload: unknown) => heard.push({ event, payload }));
    heard.push(await socket.timeout(5000).emitWithAck('auction:join', { auctionId: world.auction.id }));
    return { socket, heard };
  }

  async function closeCurrentLot(world: World): Promise<AuctionSnapshot> {
    const closing = (await snapshot(stack, world)).currentLot!.id;
    clock.advance(30_000);
    await expect.poll(async () => (await snapshot(stack, world)).lots.map((lot) => lot.lotId), { timeout: 5000 }).toContain(closing);
    return snapshot(stack, world);
  }

  it('settles two proxies second-price when their lot opens, tops a manual bid, and an absent manager wins at the second price', async () => {
    const world = await startedAuction(stack, { managers: 3, assets: 3, settings: { bidTimerSeconds: 30, antiSnipeSeconds: 0 } });
    const [absent, cautious, present] = world.managers as [TestUser, TestUser, TestUser];
    const target = world.assets[1]!;
    const rival = await listen(world, present);

    const set = await stack.api.put(proxyPath(world, target.id), { maxAmount: 20 }, { token: absent.token });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toEqual({ assetId: target.id, maxAmount: 20 });
    expect((await stack.api.put(proxyPath(world, target.id), { maxAmount: 12 }, { token: cautious.token })).status).toBe(200);
    expect((await stack.api.get(`/api/auctions/${world.auction.id}/proxies`, { token: absent.token })).body).toEqual({
      items: [{ assetId: target.id, maxAmount: 20 }],
    });
    expect((await stack.api.get(`/api/auctions/${world.auction.id}/proxies`, { token: present.token })).body).toEqual({ items: [] });

    const opened = await closeCurrentLot(world);
    expect(opened.currentLot).toMatchObject({ asset: { id: target.id }, highBid: 13, highBidderId: absent.id });
    const lotId = opened.currentLot!.id;
    expect((await history(world, lotId, present)).map((b) => [b.bidderId, b.amount, b.proxy])).toEqual([
      [absent.id, 13, true],
      [cautious.id, 12, true],
    ]);

    const manual = await bid(stack, { ...world, auction: opened }, present, 15);
    expect(manual.status).toBe(201);
    expect(manual.body.proxy).toBe(false);
    expect((await snapshot(stack, world)).currentLot).toMatchObject({ highBid: 16, highBidderId: absent.id });

    const sold = await closeCurrentLot(world);
    expect(sold.lots.find((lot) => lot.lotId === lotId)).toMatchObject({ status: 'sold', winnerId: absent.id, price: 16 });
    await expect.poll(() => rival.heard.filter((entry) => (entry as { event: string }).event === 'bid:accepted').length).toBe(4);
    const everything = JSON.stringify([
      rival.heard,
      await history(world, lotId, present),
      (await stack.api.get(`/api/auctions/${world.auction.id}/results`, { token: present.token })).body,
      await snapshot(stack, world, present),
    ]);
    expect(everything).not.toMatch(/maxAmount|max_amount/i);
    await expectAuctionInvariants(stack.database.url, world.auction.id);
  });

  it('answers 50 concurrent manual bids against a proxy with a legal history and the second-price result', async () => {
    const world = await startedAuction(stack, {
      managers: 6,
      assets: 2,
      settings: { budget: 100, bidTimerSeconds: 30, antiSnipeSeconds: 0 },
    });
    const [holder, ...bidders] = world.managers as [TestUser, ...TestUser[]];
    expect((await stack.api.put(proxyPath(world, world.assets[0]!.id), { maxAmount: 30 }, { token: holder.token })).status).toBe(200);
    const opened = await snapshot(stack, world);
    expect(opened.currentLot).toMatchObject({ highBid: 1, highBidderId: holder.id });
    const lotId = opened.currentLot!.id;

    const amounts = bidders.flatMap((_, b) => Array.from({ length: 10 }, (__, i) => 2 + ((b * 7 + i * 3) % 35)));
    const answers = await Promise.all(
      amounts.map((amount, i) => bid(stack, { ...world, auction: opened }, bidders[i % bidders.length]!, amount)),
    );
    expect(answers.every((answer) => answer.status === 201 || answer.body.code === 'BID_TOO_LOW')).toBe(true);

    const bids = await history(world, lotId, holder);
    const manual = bids.filter((b) => !b.proxy);
    const highestManual = Math.max(...manual.map((b) => b.amount));
    expect(manual.length).toBeGreaterThan(1);
    expect(bids.filter((b) => b.proxy).length).toBeGreaterThan(1);
    const final = (await snapshot(stack, world)).currentLot!;
    if (highestManual < 30) expect(final).toMatchObject({ highBidderId: holder.id, highBid: highestManual + 1 });
    else expect(final).toMatchObject({ highBid: highestManual, highBidderId: manual.find((b) => b.amount === highestManual)!.bidderId });
    expect(bids.filter((b) => b.proxy).every((b) => b.bidderId === holder.id && b.amount <= 30)).toBe(true);
    await expectAuctionInvariants(stack.database.url, world.auction.id);
  });

  it("bids no more than its owner's purse allows once a win has spent it", async () => {
    const world = await startedAuction(stack, {
      managers: 2,
      assets: 3,
      settings: { budget: 100, rosterSize: 2, bidTimerSeconds: 30, antiSnipeSeconds: 0 },
    });
    const [spender, rival] = world.managers as [TestUser, TestUser];
    expect((await bid(stack, world, spender, 95)).status).toBe(201);
    const second = await closeCurrentLot(world);
    const lot = { ...world, auction: second };
    // 5 left for the one open slot: the proxy's maximum of 50 is capped at a max bid of 5.
    expect((await stack.api.put(proxyPath(world, second.currentLot!.asset.id), { maxAmount: 50 }, { token: spender.token })).status).toBe(
      200,
    );
    expect((await snapshot(stack, world)).currentLot).toMatchObject({ highBid: 1, highBidderId: spender.id });
    expect((await bid(stack, lot, rival, 3)).status).toBe(201);
    expect((await snapshot(stack, world)).currentLot).toMatchObject({ highBid: 4, highBidderId: spender.id });
    expect((await bid(stack, lot, rival, 5)).status).toBe(201);
    expect((await snapshot(stack, world)).currentLot).toMatchObject({ highBid: 5, highBidderId: rival.id });
    expect((await history(world, second.currentLot!.id, spender)).map((b) => [b.bidderId, b.amount, b.proxy])).toEqual([
      [rival.id, 5, false],
      [spender.id, 4, true],
      [rival.id, 3, false],
      [spender.id, 1, true],
    ]);
    await expectAuctionInvariants(stack.database.url, world.auction.id);
  });

  it('never bids for an owner whose roster is full', async () => {
    const world = await startedAuction(stack, {
      managers: 2,
      assets: 3,
      settings: { rosterSize: 1, bidTimerSeconds: 30, antiSnipeSeconds: 0 },
    });
    const [full, rival] = world.managers as [TestUser, TestUser];
    expect((await bid(stack, world, full, 2)).status).toBe(201);
    const next = await closeCurrentLot(world);
    expect((await stack.api.put(proxyPath(world, next.currentLot!.asset.id), { maxAmount: 50 }, { token: full.token })).status).toBe(200);
    expect((await bid(stack, { ...world, auction: next }, rival, 3)).status).toBe(201);
    expect((await snapshot(stack, world)).currentLot).toMatchObject({ highBid: 3, highBidderId: rival.id });
    expect((await history(world, next.currentLot!.id, full)).some((b) => b.proxy)).toBe(false);
  });

  it('keeps a proxy set during a pause for the resume, when it bids at once', async () => {
    const world = await startedAuction(stack, { managers: 2, assets: 2, settings: { bidTimerSeconds: 30 } });
    const [waiting, rival] = world.managers as [TestUser, TestUser];
    expect((await bid(stack, world, rival, 4)).status).toBe(201);
    const token = world.commissioner.token;
    expect((await stack.api.post(`/api/auctions/${world.auction.id}/pause`, undefined, { token })).status).toBe(200);
    expect((await stack.api.put(proxyPath(world, world.assets[0]!.id), { maxAmount: 9 }, { token: waiting.token })).status).toBe(200);
    expect((await snapshot(stack, world)).currentLot).toMatchObject({ highBid: 4, highBidderId: rival.id });
    const resumed = await stack.api.post<AuctionSnapshot>(`/api/auctions/${world.auction.id}/resume`, undefined, { token });
    expect(resumed.body.currentLot).toMatchObject({ highBid: 5, highBidderId: waiting.id });
    await expectAuctionInvariants(stack.database.url, world.auction.id);
  });

  it('refuses what a proxy may not be, and forgets a removed one', async () => {
    const world = await startedAuction(stack, { managers: 1, assets: 2, settings: { rosterSize: 1, bidTimerSeconds: 30 } });
    const manager = world.managers[0]!;
    const asset = world.assets[1]!.id;
    const outsider = await stack.api.put(proxyPath(world, asset), { maxAmount: 5 }, { token: testUser('outsider').token });
    expect(outsider.body.code).toBe('NOT_A_MANAGER');
    expect(
      (await stack.api.put(proxyPath(world, '00000000-0000-4000-8000-000000000000'), { maxAmount: 5 }, { token: manager.token })).body.code,
    ).toBe('VALIDATION_FAILED');
    expect((await stack.api.put(proxyPath(world, asset), { maxAmount: 0 }, { token: manager.token })).body.code).toBe('VALIDATION_FAILED');
    expect((await stack.api.put(proxyPath(world, asset), { maxAmount: 5 }, { token: manager.token })).status).toBe(200);
    expect((await stack.api.delete(proxyPath(world, asset), { token: manager.token })).status).toBe(204);
    expect((await stack.api.get(`/api/auctions/${world.auction.id}/proxies`, { token: manager.token })).body.items).toEqual([]);
    expect((await stack.api.post(`/api/auctions/${world.auction.id}/end`, undefined, { token: world.commissioner.token })).status).toBe(
      200,
    );
    const late = await stack.api.put(proxyPath(world, asset), { maxAmount: 5 }, { token: manager.token });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('AUCTION_COMPLETED');
  });
});
