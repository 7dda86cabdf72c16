import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuctionSnapshot, NominationTurnEvent } from '@auction/contracts';
import { ManualClock, type TestStack, type TestUser } from '@auction/testing';
import { expectAuctionInvariants } from './support/invariants.js';
import { connectSocket, joinAuction, nextEvent, type ClientSocket } from './support/sockets.js';
import {
  auctionStack,
  bid,
  createLeague,
  scheduleAuction,
  snapshot,
  startedAuction,
  type LeagueOptions,
  type World,
} from './support/world.js';

const MANAGERS_MODE: LeagueOptions = {
  nominationMode: 'managers',
  nominationSeconds: 20,
  bidTimerSeconds: 10,
  antiSnipeSeconds: 0,
  rosterSize: 2,
};

describe('managers nominate in turn (manual clock)', () => {
  const clock = new ManualClock(new Date('2026-03-01T19:00:00.000Z'));
  const sockets: ClientSocket[] = [];
  let stack: TestStack;

  beforeAll(async () => {
    stack = await auctionStack({ clock });
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

  const userOf = (world: World, userId: string): TestUser => world.everyone.find((user) => user.id === userId)!;
  const nominate = (world: World, user: TestUser, assetId: string, amount = 1) =>
    stack.api.post(`/api/auctions/${world.auction.id}/nominations`, { assetId, amount, clientBidId: randomUUID() }, { token: user.token });
  const nextTurn = (socket: ClientSocket, world: World) => nextEvent(socket, 'nomination:turn', (e) => e.auctionId === world.auction.id);

  it('runs a whole auction of three managers to completion: random turn order, each nomination the lot’s first bid, full rosters skipped', async () => {
    const world = await startedAuction(stack, { managers: 2, assets: 8, settings: MANAGERS_MODE });
    const ids = world.everyone.map((user) => user.id);
    expect([...world.auction.turnOrder].sort()).toEqual([...ids].sort());
    expect(world.auction).toMatchObject({ currentLot: null, settings: { nominationMode: 'managers' } });
    expect(world.auction.nomination).toMatchObject({ userId: world.auction.turnOrder[0], remainingMs: 20_000 });
    const socket = await watch(world);
    const [first, second, third] = world.auction.turnOrder;
    // The first nominator buys twice, so the next round skips their full roster.
    const plan: Array<{ nominator: string; buyer: string }> = [
      { nominator: first!, buyer: first! },
      { nominator: second!, buyer: first! },
      { nominator: third!, buyer: third! },
      { nominator: second!, buyer: second! },
      { nominator: third!, buyer: third! },
      { nominator: second!, buyer: second! },
    ];
    let current: AuctionSnapshot = world.auction;
    for (const [index, step] of plan.entries()) {
      expect(current.nomination?.userId, `turn ${index + 1}`).toBe(step.nominator);
      const assetId = world.assets[index]!.id;
      const opened = nextEvent(socket, 'lot:opened', (e) => e.auctionId === world.auction.id);
      const answer = await nominate(world, userOf(world, step.nominator), assetId, 1);
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      expect(answer.body).toMatchObject({
        lot: { asset: { id: assetId }, highBid: 1, highBidderId: step.nominator, nominatedBy: step.nominator, auto: false },
        bid: { amount: 1, bidderId: step.nominator },
      });
      expect(await opened).toMatchObject({ seq: answer.body.bid.seq - 1, lot: { nominatedBy: step.nominator, auto: false } });
      if (step.buyer !== step.nominator)
        expect(
          (await bid(stack, { ...world, auction: { ...world.auction, currentLot: answer.body.lot } }, userOf(world, step.buyer), 2)).status,
        ).toBe(201);
      const after =
        index === plan.length - 1
          ? nextEvent(socket, 'auction:completed', (e) => e.auctionId === world.auction.id)
          : nextTurn(socket, world);
      clock.advance(10_000);
      await after;
      current = await snapshot(stack, world);
    }
    expect(current).toMatchObject({ status: 'completed', nomination: null, currentLot: null, lotsRemaining: 2 });
    expect(current.managers.map((manager) => manager.roster.length)).toEqual([2, 2, 2]);
    await expectAuctionInvariants(stack.database.url, world.auction.id);
  });

  it('refuses NOT_YOUR_TURN and ASSET_UNAVAILABLE and changes nothing', async () => {
    const world = await startedAuction(stack, { managers: 2, assets: 4, settings: MANAGERS_MODE });
    const nominator = userOf(world, world.auction.nomination!.userId);
    const other = world.everyone.find((user) => user !== nominator)!;
    const before = await snapshot(stack, world);
    expect((await nominate(world, other, world.assets[0]!.id)).body.code).toBe('NOT_YOUR_TURN');
    expect((await nominate(world, nominator, '00000000-0000-4000-8000-000000000000')).body.code).toBe('ASSET_UNAVAILABLE');
    expect((await nominate(world, nominator, world.assets[0]!.id, 0)).body.code).toBe('VALIDATION_FAILED');
    expect((await nominate(world, nominator, world.assets[0]!.id, 10_000)).body.code).toBe('BUDGET_EXCEEDED');
    expect(await snapshot(stack, world)).toEqual({
      ...before,
      serverTime: expect.any(String),
      nomination: { ...before.nomination, remainingMs: expect.any(Number) },
    });

    const opened = await nominate(world, nominator, world.assets[0]!.id);
    expect(opened.status).toBe(201);
    const afterOpen = await snapshot(stack, world);
    expect((await nominate(world, nominator, world.assets[1]!.id)).body.code).toBe('NOT_YOUR_TURN');
    expect((await snapshot(stack, world)).seq).toBe(afterOpen.seq);
    await expectAuctionInvariants(stack.database.url, world.auction.id);
  });

  it('takes a nomination over the socket too (lot:nominate), answering the lot and its first bid; a retry gets the same answer', async () => {
    const world = await startedAuction(stack, { managers: 1, assets: 3, settings: MANAGERS_MODE });
    const nominator = userOf(world, world.auction.nomination!.userId);
    const socket = await connectSocket(stack.url, nominator.token);
    sockets.push(socket);
    const payload = { auctionId: world.auction.id, assetId: world.assets[2]!.id, amount: 4, clientBidId: randomUUID() };
    const ack = await socket.timeout(5000).emitWithAck('lot:nominate', payload);
    expect(ack).toMatchObject({
      ok: true,
      lot: { asset: { id: world.assets[2]!.id }, highBid: 4, nominatedBy: nominator.id, auto: false },
      bid: { amount: 4, bidderId: nominator.id },
    });
    const retry = await socket.timeout(5000).emitWithAck('lot:nominate', payload);
    expect(retry).toEqual(ack);
    const refused = await socket.timeout(5000).emitWithAck('lot:nominate', { ...payload, clientBidId: randomUUID() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_YOUR_TURN' } });
    await expectAuctionInvariants(stack.database.url, world.auction.id);
  });

  it('nominates for a manager whose time runs out: their queue first, else the lowest rank, marked auto', async () => {
    const world = await startedAuction(stack, { managers: 1, assets: 6, settings: { ...MANAGERS_MODE, rosterSize: 3 } });
    const socket = await watch(world);
    const nominator = userOf(world, world.auction.nomination!.userId);
    const queued = world.assets[4]!.id;
    const sold = world.assets[3]!.id;
    await stack.api.request('PUT', `/api/auctions/${world.auction.id}/queue`, { assetIds: [queued] }, { token: nominator.token });
    const fromQueue = nextEvent(socket, 'lot:opened', (e) => e.auctionId === world.auction.id);
    clock.advance(20_000);
    const firstBid = nextEvent(socket, 'bid:accepted', (e) => e.auctionId === world.auction.id);
    const autoOpened = await fromQueue;
    expect(autoOpened).toMatchObject({ lot: { asset: { id: queued }, nominatedBy: nominator.id, auto: true, highBid: null } });
    expect(await firstBid).toMatchObject({ lotId: autoOpened.lot.id, seq: autoOpened.seq + 1, amount: 1, bidderId: nominator.id });
    expect((await snapshot(stack, world)).currentLot).toMatchObject({
      auto: true,
      nominatedBy: nominator.id,
      highBid: 1,
      highBidderId: nominator.id,
    });

    const turn: Promise<NominationTurnEvent> = nextTurn(socket, world);
    clock.advance(10_000);
    const next = userOf(world, (await turn).userId);
    expect(next.id).not.toBe(nominator.id);
    // An empty queue (or one whose assets are gone) falls back to the strongest available asset by catalogue rank.
    await stack.api.request('PUT', `/api/auctions/${world.auction.id}/queue`, { assetIds: [queued] }, { token: next.token });
    expect((await nominate(world, next, sold)).status).toBe(201);
    const thirdTurn = nextTurn(socket, world);
    clock.advance(10_000);
    const third = await thirdTurn;
    const ranks = await stack.api.get(`/api/assets?sport=football&limit=200`, { token: nominator.token });
    const rankOf = new Map<string, number>(ranks.body.items.map((asset: { id: string; rank: number }) => [asset.id, asset.rank]));
    const strongest = world.assets
      .filter((asset) => asset.id !== queued && asset.id !== sold)
      .sort((a, b) => rankOf.get(a.id)! - rankOf.get(b.id)!)[0]!;
    const byRank = nextEvent(socket, 'lot:opened', (e) => e.auctionId === world.auction.id);
    clock.advance(20_000);
    expect(await byRank).toMatchObject({ lot: { asset: { id: strongest.id }, nominatedBy: third.userId, auto: true } });
    await expectAuctionInvariants(stack.database.url, world.auction.id);
  });

  it('starts the first turn after the lead-in of a scheduled auction started now, and the next one after the gap', async () => {
    const league = await createLeague(stack, {
      managers: 1,
      assets: 3,
      settings: { ...MANAGERS_MODE, leadInSeconds: 5, lotGapSeconds: 2 },
    });
    const world = await scheduleAuction(stack, league, new Date(clock.now().getTime() + 60 * 60_000));
    expect(world.auction).toMatchObject({ status: 'scheduled', nomination: null, turnOrder: [] });
    const socket = await watch(world);
    const live = await stack.api.post(`/api/auctions/${world.auction.id}/start`, {}, { token: world.commissioner.token });
    expect(live.body).toMatchObject({ status: 'live', nomination: null, nextLotAt: expect.any(String) });
    expect([...live.body.turnOrder].sort()).toEqual(world.everyone.map((user) => user.id).sort());
    const firstTurn = nextTurn(socket, world);
    clock.advance(5_000);
    const turn = await firstTurn;
    expect(turn).toMatchObject({ userId: live.body.turnOrder[0], seq: live.body.seq + 1 });
    expect((await nominate(world, userOf(world, turn.userId), world.assets[0]!.id)).status).toBe(201);
    const sold = nextEvent(socket, 'lot:sold', (e) => e.auctionId === world.auction.id);
    clock.advance(10_000);
    expect((await sold).nextLotAt).toEqual(expect.any(String));
    const secondTurn = nextTurn(socket, world);
    clock.advance(2_000);
    expect((await secondTurn).userId).toBe(live.body.turnOrder[1]);
    await expectAuctionInvariants(stack.database.url, world.auction.id);
  });

  it('gives a client that (re)joins the turn in progress, and freezes it while paused', async () => {
    const world = await startedAuction(stack, { managers: 1, assets: 3, settings: MANAGERS_MODE });
    clock.advance(5_000);
    const socket = await connectSocket(stack.url, world.managers[0]!.token);
    sockets.push(socket);
    const joined = await joinAuction(socket, world.auction.id);
    expect(joined.nomination).toEqual({
      userId: world.auction.nomination!.userId,
      endsAt: world.auction.nomination!.endsAt,
      remainingMs: 15_000,
    });
    expect(joined.turnOrder).toEqual(world.auction.turnOrder);
    const paused = await stack.api.post(`/api/auctions/${world.auction.id}/pause`, {}, { token: world.commissioner.token });
    expect(paused.body.nomination).toMatchObject({ remainingMs: 15_000 });
    clock.advance(60_000);
    const resumed = await stack.api.post(`/api/auctions/${world.auction.id}/resume`, {}, { token: world.commissioner.token });
    expect(resumed.body.nomination).toMatchObject({ userId: world.auction.nomination!.userId, remainingMs: 15_000 });
    expect((await snapshot(stack, world)).currentLot).toBeNull();
    await expectAuctionInvariants(stack.database.url, world.auction.id);
  });
});
