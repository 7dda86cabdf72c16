import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AcceptedBid, ErrorBody } from '@auction/contracts';
import { signAccessToken } from '@auction/auth-guard';
import { EventBus } from '@auction/realtime';
import { TEST_JWT_SECRET, testUser, type TestStack, type TestUser } from '@auction/testing';
import { expectAuctionInvariants } from './support/invariants.js';
import { connectSocket, joinAuction, nextEvent, OpenSockets, type ClientSocket } from './support/sockets.js';
import { auctionStack, bid, createLeague, snapshot, startedAuction, type World } from './support/world.js';

type BidAck = { ok: true; bid: AcceptedBid } | { ok: false; error: ErrorBody };

describe('Socket.IO gateway', () => {
  let stack: TestStack;
  const open = new OpenSockets();

  beforeAll(async () => {
    stack = await auctionStack();
  });
  afterEach(() => open.closeAll());
  afterAll(async () => {
    await stack.close();
  });

  const connect = (user: TestUser): Promise<ClientSocket> => open.connect(stack.url, user.token);

  function placeBid(socket: ClientSocket, world: World, amount: number, clientBidId: string = randomUUID()): Promise<BidAck> {
    return socket.timeout(10_000).emitWithAck('bid:place', {
      auctionId: world.auction.id,
      lotId: world.auction.currentLot!.id,
      amount,
      clientBidId,
    }) as Promise<BidAck>;
  }

  it('refuses a missing or bad token with UNAUTHORIZED and an expired one with TOKEN_EXPIRED', async () => {
    const refusal = (token: string) =>
      connectSocket(stack.url, token).then(
        () => 'connected',
        (error: Error & { data?: { code?: string } }) => error.data?.code,
      );
    expect(await refusal('')).toBe('UNAUTHORIZED');
    expect(await refusal('not.a.jwt')).toBe('UNAUTHORIZED');
    const user = testUser('late');
    expect(await refusal(signAccessToken(TEST_JWT_SECRET, user, new Date(Date.now() - 3600_000)))).toBe('TOKEN_EXPIRED');
  });

  it('announces a heartbeat short enough to notice a dead phone connection within 15 s', async () => {
    // The engine.io open packet ("0" + JSON) tells every client the server's heartbeat.
    const handshake = await (await fetch(`${stack.url}/socket.io/?EIO=4&transport=polling`)).text();
    const { pingInterval, pingTimeout } = JSON.parse(handshake.slice(1)) as { pingInterval: number; pingTimeout: number };
    expect(pingInterval + pingTimeout).toBeLessThanOrEqual(15_000);
  });

  it('answers time:sync with the server time', async () => {
    const socket = await connect(testUser('clock'));
    const before = Date.now();
    const answer = await socket.timeout(5000).emitWithAck('time:sync', { clientTime: 42 });
    expect(answer.clientTime).toBe(42);
    expect(answer.serverTime).toBeGreaterThanOrEqual(before);
    expect(answer.serverTime).toBeLessThanOrEqual(Date.now());
  });

  it('counts lobby presence by user, tells the room when it changes, and announces the auction start', async () => {
    const league = await createLeague(stack, { managers: 2 });
    const { leagueId, commissioner } = league;
    const [ann, bob] = league.managers as [TestUser, TestUser];
    const annTab1 = await connect(ann);
    const annTab2 = await connect(ann);
    const bobTab = await connect(bob);

    expect(await annTab1.timeout(5000).emitWithAck('league:join', { leagueId })).toEqual({ ok: true, online: [ann.id] });
    expect(await annTab2.timeout(5000).emitWithAck('league:join', { leagueId })).toEqual({ ok: true, online: [ann.id] });
    const withBob = nextEvent(annTab1, 'league:presence', (p) => p.online.length === 2);
    const bobJoin = await bobTab.timeout(5000).emitWithAck('league:join', { leagueId });
    expect(bobJoin.ok && [...bobJoin.online].sort()).toEqual([ann.id, bob.id].sort());
    expect((await withBob).leagueId).toBe(leagueId);

    const outsider = await connect(testUser('outsider'));
    expect(await outsider.timeout(5000).emitWithAck('league:join', { leagueId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_MEMBER' },
    });

    // One of Ann's tabs closing changes nothing; the second does.
    const onlyBob = nextEvent(bobTab, 'league:presence', (p) => p.online.length === 1);
    annTab1.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await bobTab.timeout(5000).emitWithAck('league:join', { leagueId })).toMatchObject({
      ok: true,
      online: expect.arrayContaining([ann.id, bob.id]),
    });
    annTab2.close();
    expect((await onlyBob).online).toEqual([bob.id]);

    const started = nextEvent(bobTab, 'auction:started');
    const answer = await stack.api.post('/api/auctions', { leagueId }, { token: commissioner.token });
    expect(await started).toEqual({ leagueId, auctionId: answer.body.id });
  });

  it('joins the auction room with a snapshot, members only', async () => {
    const world = await startedAuction(stack);
    const socket = await connect(world.managers[0]!);
    const pushed = nextEvent(socket, 'auction:snapshot', (s) => s.id === world.auction.id);
    const snap = await joinAuction(socket, world.auction.id);
    expect(snap).toMatchObject({ id: world.auction.id, seq: 1, status: 'live', currentLot: { id: world.auction.currentLot!.id } });
    expect(await pushed).toEqual(snap);
    const outsider = await connect(testUser('outsider'));
    expect(await outsider.timeout(5000).emitWithAck('auction:join', { auctionId: world.auction.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_MEMBER' },
    });
    expect(await outsider.timeout(5000).emitWithAck('auction:join', { auctionId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it('accepts exactly one of 20 equal socket bids per amount and tells every socket', async () => {
    const world = await startedAuction(stack, { managers: 20, settings: { budget: 1000 } });
    const sockets = await Promise.all(world.managers.map((user) => connect(user)));
    await Promise.all(sockets.map((socket) => joinAuction(socket, world.auction.id)));
    for (const amount of [3, 4, 8]) {
      const heard = sockets.map((socket) => nextEvent(socket, 'bid:accepted', (e) => e.amount === amount));
      const acks = await Promise.all(sockets.map((socket) => placeBid(socket, world, amount)));
      const accepted = acks.filter((ack) => ack.ok);
      expect(accepted).toHaveLength(1);
      expect(acks.filter((ack) => !ack.ok).map((ack) => !ack.ok && ack.error.code)).toEqual(Array(19).fill('BID_TOO_LOW'));
      const seqs = new Set((await Promise.all(heard)).map((event) => event.seq));
      expect([...seqs]).toEqual([accepted[0]!.ok && accepted[0]!.bid.seq]);
    }
    await expectAuctionInvariants(stack.database.url, world.auction.id);
  });

  it("answers the bidder before the room hears of the bid, the bidder's own socket included", async () => {
    const world = await startedAuction(stack, { managers: 2 });
    const [bidder, watcher] = (await Promise.all(world.managers.map((user) => connect(user)))) as [ClientSocket, ClientSocket];
    await Promise.all([bidder, watcher].map((socket) => joinAuction(socket, world.auction.id)));
    // Both are noted as the client reads them off the connection, in the order they arrive.
    const order: string[] = [];
    const broadcast = new Promise<void>((resolve) =>
      bidder.once('bid:accepted', () => {
        order.push('broadcast');
        resolve();
      }),
    );
    const watched = nextEvent(watcher, 'bid:accepted');
    const payload = { auctionId: world.auction.id, lotId: world.auction.currentLot!.id, amount: 5, clientBidId: randomUUID() };
    const ack = await new Promise<BidAck>((resolve, reject) =>
      bidder.timeout(10_000).emit('bid:place', payload, (error: Error | null, answer: BidAck) => {
        order.push('ack');
        if (error) reject(error);
        else resolve(answer);
      }),
    );
    expect(ack).toMatchObject({ ok: true, bid: { amount: 5 } });
    await broadcast;
    expect((await watched).seq).toBe(ack.ok && ack.bid.seq);
    expect(order).toEqual(['ack', 'broadcast']);
  });

  it("does not take a client's word for a bid another replica wrote", async () => {
    const world = await startedAuction(stack, { managers: 1 });
    const socket = await connect(world.managers[0]!);
    const forged = {
      auctionId: world.auction.id,
      lotId: world.auction.currentLot!.id,
      seq: 99,
      amount: 1000,
      endsAt: new Date().toISOString(),
    };
    const untyped = socket as unknown as Socket;
    untyped.emit('bid:written', forged);
    expect(await socket.timeout(5000).emitWithAck('time:sync', { clientTime: 0 })).toMatchObject({ clientTime: 0 });
    const metrics = await fetch(`${stack.url}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(/^bids_written_elsewhere_total 0$/m);
    expect(await placeBid(socket, world, 5)).toMatchObject({ ok: true, bid: { amount: 5 } });
  });

  it('refuses over the socket with the same codes as over HTTP', async () => {
    const world = await startedAuction(stack, { settings: { budget: 50, rosterSize: 3, openingBid: 5 } });
    const [ann] = world.managers;
    const socket = await connect(ann!);
    const outsider = await connect(testUser('outsider'));
    const code = async (ack: Promise<BidAck>) => {
      const answer = await ack;
      return answer.ok ? 'accepted' : answer.error.code;
    };
    expect(await code(placeBid(outsider, world, 10))).toBe('NOT_A_MANAGER');
    expect(await code(placeBid(socket, world, 4))).toBe('BID_TOO_LOW');
    expect(await code(placeBid(socket, world, 41))).toBe('BUDGET_EXCEEDED');
    const elsewhere = socket.timeout(5000).emitWithAck('bid:place', {
      auctionId: world.auction.id,
      lotId: randomUUID(),
      amount: 10,
      clientBidId: randomUUID(),
    }) as Promise<BidAck>;
    expect(await code(elsewhere)).toBe('LOT_CLOSED');
    const unknown = socket
      .timeout(5000)
      .emitWithAck('bid:place', { auctionId: randomUUID(), lotId: randomUUID(), amount: 10, clientBidId: randomUUID() }) as Promise<BidAck>;
    expect(await code(unknown)).toBe('NOT_FOUND');
    await stack.api.post(`/api/auctions/${world.auction.id}/pause`, undefined, { token: world.commissioner.token });
    expect(await code(placeBid(socket, world, 10))).toBe('AUCTION_PAUSED');
    await stack.api.post(`/api/auctions/${world.auction.id}/end`, undefined, { token: world.commissioner.token });
    expect(await code(placeBid(socket, world, 10))).toBe('AUCTION_COMPLETED');
    await expectAuctionInvariants(stack.database.url, world.auction.id);
  });

  it('applies a socket bid retried under the same clientBidId once, even racing its original', async () => {
    const world = await startedAuction(stack);
    const socket = await connect(world.managers[0]!);
    const clientBidId = randomUUID();
    const [first, second] = await Promise.all([placeBid(socket, world, 4, clientBidId), placeBid(socket, world, 4, clientBidId)]);
    expect(first).toEqual(second);
    expect(first.ok).toBe(true);
    // The same id over HTTP gets the same answer too.
    const overHttp = await bid(stack, world, world.managers[0]!, 4, { clientBidId });
    expect(first.ok && overHttp.body).toEqual(first.ok && first.bid);
    expect((await snapshot(stack, world)).seq).toBe(2);
    expect(await placeBid(socket, world, 0)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('closes a lot on a real timer within a second of its deadline', async () => {
    const world = await startedAuction(stack, { settings: { bidTimerSeconds: 3, antiSnipeSeconds: 1 } });
    const socket = await connect(world.managers[0]!);
    await joinAuction(socket, world.auction.id);
    const ack = await placeBid(socket, world, 5);
    const sold = await nextEvent(socket, 'lot:sold', () => true, 6000);
    const lag = Date.now() - Date.parse(ack.ok ? ack.bid.endsAt : '');
    expect(sold).toMatchObject({ winnerId: world.managers[0]!.id, price: 5 });
    expect(lag).toBeLessThan(1000);
    await expectAuctionInvariants(stack.database.url, world.auction.id);
  });

  it('gives a reconnecting client a fresh snapshot with the sales it missed', async () => {
    const world = await startedAuction(stack, { settings: { bidTimerSeconds: 3, antiSnipeSeconds: 0 } });
    const [ann, bob] = world.managers;
    const annSocket = await connect(ann!);
    const before = await joinAuction(annSocket, world.auction.id);
    annSocket.close();

    const watcher = await connect(bob!);
    await joinAuction(watcher, world.auction.id);
    const opened = nextEvent(watcher, 'lot:opened', () => true, 6000);
    await bid(stack, world, bob!, 9);
    const sold = await nextEvent(watcher, 'lot:sold', () => true, 6000);
    expect((await opened).seq).toBe(sold.seq + 1);

    const again = await connect(ann!);
    const fresh = await joinAuction(again, world.auction.id);
    expect(fresh.seq).toBeGreaterThan(before.seq);
    expect(fresh.seq).toBeGreaterThanOrEqual(sold.seq + 1);
    expect(fresh.managers.find((m: { userId: string }) => m.userId === bob!.id)!.roster).toEqual([
      { asset: world.auction.currentLot!.asset, price: 9, lotId: world.auction.currentLot!.id },
    ]);
    expect(fresh.currentLot!.id).not.toBe(world.auction.currentLot!.id);
  });

  it("shows a manager's new display name in an open room at once", async () => {
    const world = await startedAuction(stack);
    const renamed = world.managers[1]!;
    const watcher = await connect(world.managers[0]!);
    await joinAuction(watcher, world.auction.id);
    const displayName = `Renamed ${randomUUID().slice(0, 6)}`;
    const named = (snapshot: { managers: Array<{ userId: string; displayName: string }> }) =>
      snapshot.managers.find((manager) => manager.userId === renamed.id)?.displayName === displayName;
    const resync = nextEvent(watcher, 'auction:snapshot', named, 5000);
    await stack.app
      .get(EventBus, { strict: false })
      .publish('user.renamed', { userId: renamed.id, displayName, renamedAt: new Date().toISOString() });
    expect((await resync).seq).toBe(world.auction.seq);
  });
});
