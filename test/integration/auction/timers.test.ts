import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuctionCompletedEvent } from '@auction/contracts';
import { signServiceToken } from '@auction/auth-guard';
import { EventBus } from '@auction/realtime';
import { ManualClock, TEST_JWT_SECRET, type TestStack } from '@auction/testing';
import { expectAuctionInvariants } from './support/invariants.js';
import { connectSocket, joinAuction, nextEvent, type ClientSocket } from './support/sockets.js';
import { auctionStack, bid, snapshot, startedAuction, type World } from './support/world.js';

describe('lot deadlines, anti-snipe, pause/resume, completion (manual clock)', () => {
  const clock = new ManualClock(new Date('2026-03-01T19:00:00.000Z'));
  const sockets: ClientSocket[] = [];
  const completed: AuctionCompletedEvent[] = [];
  let stack: TestStack;

  beforeAll(async () => {
    stack = await auctionStack({ clock });
    stack.app.get(EventBus, { strict: false }).subscribe('auction.completed', 'test', async (event) => {
      completed.push(event);
    });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await stack.close();
  });

  async function watch(world: World): Promise<ClientSocket> {
    const socket = await connectSocket(stack.url, world.commissioner.token);
    sockets.push(socket);
    await joinAuction(socket, world.auction.id);
    return socket;
  }

  const at = (world: World, ms: number) => new Date(Date.parse(world.auction.currentLot!.endsAt!) - 30_000 + ms).toISOString();

  it('moves the deadline to serverTime + anti-snipe only inside the window', async () => {
    const world = await startedAuction(stack, { settings: { bidTimerSeconds: 30, antiSnipeSeconds: 10 } });
    const [ann, bob] = world.managers;
    clock.advance(5_000);
    expect((await bid(stack, world, ann!, 1)).body.endsAt).toBe(at(world, 30_000));
    clock.advance(20_000); // 5 s left
    expect((await bid(stack, world, bob!, 2)).body.endsAt).toBe(at(world, 35_000));
    clock.advance(1_500); // 8.5 s left
    const late = await bid(stack, world, ann!, 3);
    expect(late.body).toMatchObject({ endsAt: at(world, 36_500), serverTime: at(world, 26_500) });
    expect((await snapshot(stack, world)).currentLot).toMatchObject({ endsAt: at(world, 36_500), remainingMs: 10_000 });
  });

  it('sells the lot to the high bidder at its deadline, charges the purse and opens the next lot', async () => {
    const world = await startedAuction(stack, { settings: { bidTimerSeconds: 30 } });
    const socket = await watch(world);
    const [ann, bob] = world.managers;
    await bid(stack, world, ann!, 10);
    await bid(stack, world, bob!, 30);
    const sold = nextEvent(socket, 'lot:sold', (e) => e.auctionId === world.auction.id);
    const opened = nextEvent(socket, 'lot:opened', (e) => e.auctionId === world.auction.id);
    clock.advance(29_000);
    expect((await snapshot(stack, world)).currentLot!.id).toBe(world.auction.currentLot!.id);
    clock.advance(1_000);
    expect(await sold).toMatchObject({
      lotId: world.auction.currentLot!.id,
      winnerId: bob!.id,
      price: 30,
      seq: 4,
      asset: { name: world.assets[0]!.name },
    });
    expect(await opened).toMatchObject({
      seq: 5,
      lot: { asset: { name: world.assets[1]!.name }, highBid: null, remainingMs: 30_000 },
      lotsRemaining: 4,
    });
    const now = await snapshot(stack, world);
    const buyer = now.managers.find((m) => m.userId === bob!.id)!;
    expect(buyer).toMatchObject({ budgetRemaining: 70, maxBid: 70, roster: [{ price: 30, asset: { name: world.assets[0]!.name } }] });
    const lotId = now.currentLot!.id;
    expect((await bid(stack, world, bob!, 71, { lotId })).body.code).toBe('BUDGET_EXCEEDED');
    expect((await bid(stack, world, bob!, 70, { lotId })).status).toBe(201);
    await expectAuctionInvariants(stack.database.url, world.auction.id);
  });

  it('leaves a lot without bids unsold', async () => {
    const world = await startedAuction(stack, { settings: { bidTimerSeconds: 30 } });
    const socket = await watch(world);
    const unsold = nextEvent(socket, 'lot:unsold', (e) => e.auctionId === world.auction.id);
    clock.advance(30_000);
    expect(await unsold).toEqual({
      auctionId: world.auction.id,
      lotId: world.auction.currentLot!.id,
      asset: world.auction.currentLot!.asset,
      seq: 2,
      nextLotAt: null,
    });
    expect((await bid(stack, world, world.managers[0]!, 5)).body.code).toBe('LOT_CLOSED');
    await expectAuctionInvariants(stack.database.url, world.auction.id);
  });

  it('freezes the remaining time on pause and restores it on resume', async () => {
    const world = await startedAuction(stack, { settings: { bidTimerSeconds: 60 } });
    const socket = await watch(world);
    const token = { token: world.commissioner.token };
    clock.advance(10_000);
    const paused = nextEvent(socket, 'auction:paused');
    const pause = await stack.api.post(`/api/auctions/${world.auction.id}/pause`, undefined, token);
    expect(pause.body).toMatchObject({ status: 'paused', seq: 2, currentLot: { remainingMs: 50_000, endsAt: null } });
    expect(await paused).toEqual({ auctionId: world.auction.id, seq: 2, remainingMs: 50_000 });
    expect((await stack.api.post(`/api/auctions/${world.auction.id}/pause`, undefined, token)).status).toBe(409);

    clock.advance(600_000);
    await new Promise((resolve) => setTimeout(resolve, 500)); // a few closer polls: nothing may close while paused
    expect(await snapshot(stack, world)).toMatchObject({
      status: 'paused',
      seq: 2,
      currentLot: { id: world.auction.currentLot!.id, remainingMs: 50_000 },
    });

    const resumed = nextEvent(socket, 'auction:resumed');
    const resume = await stack.api.post(`/api/auctions/${world.auction.id}/resume`, undefined, token);
    const endsAt = new Date(clock.now().getTime() + 50_000).toISOString();
    expect(resume.body).toMatchObject({ status: 'live', seq: 3, currentLot: { endsAt, remainingMs: 50_000 } });
    expect(await resumed).toEqual({ auctionId: world.auction.id, seq: 3, endsAt, nextLotAt: null });

    const closed = nextEvent(socket, 'lot:unsold', (e) => e.auctionId === world.auction.id);
    clock.advance(50_000);
    expect((await closed).seq).toBe(4);
    const notMine = await stack.api.post(`/api/auctions/${world.auction.id}/pause`, undefined, { token: world.managers[0]!.token });
    expect(notMine.status).toBe(403);
    expect(notMine.body.code).toBe('NOT_COMMISSIONER');
  });

  it('refuses a full roster and completes when every roster is full, publishing auction.completed', async () => {
    const world = await startedAuction(stack, { managers: 2, assets: 5, settings: { rosterSize: 1, bidTimerSeconds: 30 } });
    const socket = await watch(world);
    const [ann, bob] = world.managers;
    const buy = async (buyer: typeof ann, price: number) => {
      const lot = (await snapshot(stack, world)).currentLot!;
      expect((await bid(stack, world, buyer!, price, { lotId: lot.id })).status).toBe(201);
      const sold = nextEvent(socket, 'lot:sold', (e) => e.lotId === lot.id);
      clock.advance(30_000);
      return sold;
    };
    await buy(ann, 40);
    const lot2 = (await snapshot(stack, world)).currentLot!;
    expect((await bid(stack, world, ann!, 5, { lotId: lot2.id })).body.code).toBe('ROSTER_FULL');
    await buy(bob, 100);
    const done = nextEvent(socket, 'auction:completed');
    await buy(world.commissioner, 1);
    expect(await done).toEqual({ auctionId: world.auction.id, seq: (await snapshot(stack, world)).seq });
    expect(await snapshot(stack, world)).toMatchObject({ status: 'completed', currentLot: null, lotsRemaining: 2 });

    await expect.poll(() => completed.find((e) => e.auctionId === world.auction.id)).toBeDefined();
    const event = completed.find((e) => e.auctionId === world.auction.id)!;
    expect(event).toMatchObject({ leagueId: world.leagueId, sport: 'football' });
    expect(event.managers.map((m) => [m.displayName, m.spent, m.roster.map((r) => r.name)])).toEqual([
      ['commissioner', 1, [world.assets[2]!.name]],
      ['manager1', 40, [world.assets[0]!.name]],
      ['manager2', 100, [world.assets[1]!.name]],
    ]);
    const internal = await stack.api.get(`/internal/auctions/leagues/${world.leagueId}/completed`, {
      token: signServiceToken(TEST_JWT_SECRET, 'scoring'),
    });
    expect(internal.body).toEqual(event);
    expect((await stack.api.get(`/internal/auctions/leagues/${world.leagueId}/completed`, { token: ann!.token })).status).toBe(403);

    const results = await stack.api.get(`/api/auctions/${world.auction.id}/results`, { token: bob!.token });
    expect(results.body.managers.find((m: { userId: string }) => m.userId === bob!.id)).toMatchObject({
      spent: 100,
      budgetRemaining: 0,
      roster: [{ price: 100, asset: { name: world.assets[1]!.name } }],
    });
    await expectAuctionInvariants(stack.database.url, world.auction.id);
  });

  it('ends early: the open lot goes to its high bidder and the auction completes', async () => {
    const world = await startedAuction(stack);
    const socket = await watch(world);
    const [ann] = world.managers;
    await bid(stack, world, ann!, 7);
    const sold = nextEvent(socket, 'lot:sold');
    const done = nextEvent(socket, 'auction:completed');
    const end = await stack.api.post(`/api/auctions/${world.auction.id}/end`, undefined, { token: world.commissioner.token });
    expect(end.status).toBe(200);
    expect(end.body).toMatchObject({ status: 'completed', currentLot: null, seq: 4 });
    expect(await sold).toMatchObject({ winnerId: ann!.id, price: 7, seq: 3 });
    expect(await done).toEqual({ auctionId: world.auction.id, seq: 4 });
    expect((await stack.api.post(`/api/auctions/${world.auction.id}/end`, undefined, { token: world.commissioner.token })).body.code).toBe(
      'AUCTION_COMPLETED',
    );
    expect((await bid(stack, world, ann!, 9)).body.code).toBe('AUCTION_COMPLETED');
    await expectAuctionInvariants(stack.database.url, world.auction.id);
  });
});
