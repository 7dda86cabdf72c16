import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startCluster, startRedisServer, type ClusterHandle, type RedisServerHandle } from '@auction/cluster';
import type { AcceptedBid, ErrorBody } from '@auction/contracts';
import { Api, createTestDatabase, TEST_JWT_SECRET, type TestDatabase, type TestUser } from '@auction/testing';
import { expectAuctionInvariants, readAuctionState } from './support/invariants.js';
import { connectSocket, joinAuction, nextEvent, RoomClient, type ClientSocket } from './support/sockets.js';
import { bid, createLeague, scheduleAuction, snapshot, startAuction, type League, type Target, type World } from './support/world.js';

type BidAck = { ok: true; bid: AcceptedBid } | { ok: false; error: ErrorBody };

/**
 * Three auction-engine processes on real PostgreSQL and a Redis of their own, behind nginx.
 * Sockets connect to each replica's own port, so every test knows which process serves whom.
 * Needs the build: `npx tsc -b tsconfig.build.json` (npm test builds first).
 */
describe('auction engine cluster: 3 replicas, PostgreSQL, Redis', () => {
  let database: TestDatabase;
  let redis: RedisServerHandle;
  let cluster: ClusterHandle;
  let target: Target;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(inject('templateDatabase'));
    redis = await startRedisServer();
    cluster = await startCluster({
      replicas: { auth: 1, leagues: 1, 'auction-engine': 3, scoring: 1 },
      databaseUrl: database.url,
      redisUrl: redis.url,
      env: { RATE_LIMITS: 'off', JWT_SECRET: TEST_JWT_SECRET },
      readyTimeoutMs: 90_000,
    });
    target = { api: new Api(cluster.url) };
  }, 180_000);

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await cluster?.stop();
    await redis?.stop();
    await database?.drop();
  }, 60_000);

  function replicaUrl(index: number): string {
    const replica = cluster.replicas.find((r) => r.service === 'auction-engine' && r.index === index)!;
    return `http://127.0.0.1:${replica.port}`;
  }

  async function connectTo(index: number, user: TestUser): Promise<ClientSocket> {
    const socket = await connectSocket(replicaUrl(index), user.token);
    sockets.push(socket);
    return socket;
  }

  function placeBid(socket: ClientSocket, world: World, amount: number, lotId = world.auction.currentLot!.id): Promise<BidAck> {
    return socket
      .timeout(10_000)
      .emitWithAck('bid:place', { auctionId: world.auction.id, lotId, amount, clientBidId: randomUUID() }) as Promise<BidAck>;
  }

  async function engineCounter(index: number, name: string): Promise<number> {
    const text = await (await fetch(`${replicaUrl(index)}/metrics`)).text();
    return Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  }

  async function lotRow(lotId: string): Promise<{ status: string; ends_at: Date; closed_at: Date; winner_id: string | null }> {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query('select status, ends_at, closed_at, winner_id from auction.lots where id = $1', [lotId])).rows[0];
    } finally {
      await client.end();
    }
  }

  it('accepts exactly one of many identical bids sent through different replicas, and every replica hears it', async () => {
    const world = await startAuction(target, await createLeague(target, { managers: 24, settings: { budget: 1000 } }));
    const bidders = await Promise.all(world.managers.map((user, i) => connectTo(i % 3, user)));
    const rooms = bidders.map((socket) => new RoomClient(socket, world.auction.id));
    await Promise.all(rooms.map((room) => room.join()));
    for (const amount of [2, 3, 7, 8]) {
      const heard = bidders.map((socket) => nextEvent(socket, 'bid:accepted', (e) => e.amount === amount));
      const acks = await Promise.all(bidders.map((socket) => placeBid(socket, world, amount)));
      const accepted = acks.filter((ack): ack is Extract<BidAck, { ok: true }> => ack.ok);
      expect(accepted).toHaveLength(1);
      expect(acks.filter((ack) => !ack.ok).map((ack) => !ack.ok && ack.error.code)).toEqual(Array(23).fill('BID_TOO_LOW'));
      expect(new Set((await Promise.all(heard)).map((e) => e.seq))).toEqual(new Set([accepted[0]!.bid.seq]));
    }
    await expectAuctionInvariants(database.url, world.auction.id);
  });

  it('refuses a bid beaten by one another replica wrote on its own view of the lot, without reading it', async () => {
    const world = await startAuction(target, await createLeague(target, { managers: 2 }));
    const [ann, bob] = world.managers as [TestUser, TestUser];
    const annOnFirst = await connectTo(0, ann);
    const bobOnSecond = await connectTo(1, bob);
    expect(await placeBid(bobOnSecond, world, 5)).toMatchObject({ ok: true });
    const heard = await engineCounter(1, 'bids_written_elsewhere_total');
    expect(await placeBid(annOnFirst, world, 8)).toMatchObject({ ok: true });
    await expect.poll(() => engineCounter(1, 'bids_written_elsewhere_total'), { timeout: 5000 }).toBeGreaterThan(heard);
    const beatenOnView = await engineCounter(1, 'bids_beaten_on_view_total');
    expect(await placeBid(bobOnSecond, world, 7)).toMatchObject({ ok: false, error: { code: 'BID_TOO_LOW' } });
    expect(await engineCounter(1, 'bids_beaten_on_view_total')).toBe(beatenOnView + 1);
  });

  it('settles proxies set through different replicas once, second-price, while manual bids arrive through a third', async () => {
    const world = await startAuction(target, await createLeague(target, { managers: 3, settings: { budget: 100 } }));
    const [strong, weak, manual] = world.managers as [TestUser, TestUser, TestUser];
    const listeners = await Promise.all([0, 1, 2].map((i) => connectTo(i, world.everyone[i]!)));
    await Promise.all(listeners.map((socket) => joinAuction(socket, world.auction.id)));
    const heardBy = listeners.map(() => [] as Array<{ seq: number; amount: number; proxy?: boolean }>);
    listeners.forEach((socket, i) => socket.on('bid:accepted', (event) => heardBy[i]!.push(event)));
    const put = (replica: number, user: TestUser, maxAmount: number) =>
      new Api(replicaUrl(replica)).request(
        'PUT',
        `/api/auctions/${world.auction.id}/proxies/${world.auction.currentLot!.asset.id}`,
        { maxAmount },
        { token: user.token },
      );
    const manualSocket = await connectTo(2, manual);
    const [first, second, early] = await Promise.all([put(0, strong, 20), put(1, weak, 12), placeBid(manualSocket, world, 5)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(early.ok || early.error.code === 'BID_TOO_LOW').toBe(true);

    await expect
      .poll(async () => (await snapshot(target, world)).currentLot, { timeout: 5000 })
      .toMatchObject({ highBid: 13, highBidderId: strong.id });
    const seq = (await snapshot(target, world)).seq;
    await expect.poll(() => heardBy.map((heard) => heard.at(-1)?.seq), { timeout: 5000 }).toEqual([seq, seq, seq]);
    expect(heardBy[1]).toEqual(heardBy[0]);
    expect(heardBy[2]).toEqual(heardBy[0]);
    const state = await expectAuctionInvariants(database.url, world.auction.id);
    expect(state.bids.filter((b) => b.bidderId === strong.id && b.amount === 13)).toHaveLength(1);
  });

  it('closes a lot within a second of its deadline, exactly once, when the replica holding its timer is killed -9', async () => {
    const world = await startAuction(
      target,
      await createLeague(target, { managers: 3, settings: { bidTimerSeconds: 3, antiSnipeSeconds: 0 } }),
    );
    const [ann, bob, cat] = world.managers as [TestUser, TestUser, TestUser];
    const onVictim = await connectTo(0, ann);
    const watchers = [await connectTo(1, bob), await connectTo(2, cat)];
    const rooms = watchers.map((socket) => new RoomClient(socket, world.auction.id));
    await Promise.all(rooms.map((room) => room.join()));
    const sold = watchers.map((socket) => nextEvent(socket, 'lot:sold', () => true, 8000).then((e) => ({ e, at: Date.now() })));

    // Replica 0 accepts the bid, so it holds the precise timer for the new deadline.
    const ack = await placeBid(onVictim, world, 5);
    expect(ack.ok).toBe(true);
    const endsAt = Date.parse(ack.ok ? ack.bid.endsAt : '');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, endsAt - Date.now() - 300)));
    await cluster.kill('auction-engine', 0, 'SIGKILL');

    const heard = await Promise.all(sold);
    for (const { e, at } of heard) {
      expect(e).toMatchObject({ lotId: world.auction.currentLot!.id, winnerId: ann.id, price: 5 });
      expect(at - endsAt).toBeLessThan(1000);
    }
    const row = await lotRow(world.auction.currentLot!.id);
    expect(row.status).toBe('sold');
    expect(row.closed_at.getTime() - row.ends_at.getTime()).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const room of rooms) expect(room.sold.get(world.auction.currentLot!.id)).toBe(1);
    await expectAuctionInvariants(database.url, world.auction.id);
    await cluster.restart('auction-engine', 0);
  });

  /** Every `auction:live` and `lot:opened` each socket hears, to count them. */
  function heard(socket: ClientSocket, auctionId: string): { live: number[]; opened: number[] } {
    const log = { live: [] as number[], opened: [] as number[] };
    socket.on('auction:live', (e) => e.auctionId === auctionId && log.live.push(e.seq));
    socket.on('lot:opened', (e) => e.auctionId === auctionId && log.opened.push(e.seq));
    return log;
  }

  /** Schedules through replica 0's own port, so replica 0 holds the precise timer for the start. */
  async function scheduleOnReplica0(league: League, startsAt: Date): Promise<World> {
    return scheduleAuction({ api: new Api(replicaUrl(0)) }, league, startsAt);
  }

  async function expectLiveOnce(world: World, logs: Array<{ live: number[]; opened: number[] }>, startsAt: Date): Promise<void> {
    await expect.poll(() => logs.every((log) => log.opened.length > 0), { timeout: 5000, interval: 50 }).toBe(true);
    const liveAt = Date.now();
    expect(liveAt - startsAt.getTime()).toBeLessThan(1500);
    // A short bounded wait: a second go-live by another replica would be heard by now.
    await new Promise((resolve) => setTimeout(resolve, 700));
    for (const log of logs) expect(log).toEqual({ live: [1], opened: [2] });
    const now = await snapshot(target, world);
    expect(now).toMatchObject({ status: 'live', seq: 2, currentLot: { asset: { id: world.assets[0]!.id } } });
    const rows = await readAuctionState(database.url, world.auction.id);
    expect(rows.lots.filter((lot) => lot.status === 'open')).toHaveLength(1);
    await expectAuctionInvariants(database.url, world.auction.id);
  }

  it('takes a scheduled auction live at its start exactly once with every replica up', async () => {
    const league = await createLeague(target, { managers: 3 });
    const startsAt = new Date(Date.now() + 2500);
    const world = await scheduleOnReplica0(league, startsAt);
    const watchers = await Promise.all(league.managers.map((user, i) => connectTo(i, user)));
    await Promise.all(watchers.map((socket) => joinAuction(socket, world.auction.id)));
    const logs = watchers.map((socket) => heard(socket, world.auction.id));
    await expectLiveOnce(world, logs, startsAt);
  });

  it('takes a scheduled auction live exactly once when the replica holding its timer is killed -9', async () => {
    const league = await createLeague(target, { managers: 2 });
    const startsAt = new Date(Date.now() + 3000);
    const world = await scheduleOnReplica0(league, startsAt);
    const watchers = [await connectTo(1, league.managers[0]!), await connectTo(2, league.managers[1]!)];
    await Promise.all(watchers.map((socket) => joinAuction(socket, world.auction.id)));
    const logs = watchers.map((socket) => heard(socket, world.auction.id));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startsAt.getTime() - Date.now() - 300)));
    await cluster.kill('auction-engine', 0, 'SIGKILL');
    await expectLiveOnce(world, logs, startsAt);
    await cluster.restart('auction-engine', 0);
  });

  it('recovers from a Redis restart mid-auction: no process dies, every client converges on one snapshot', async () => {
    const world = await startAuction(target, await createLeague(target, { managers: 6, settings: { budget: 1000 } }));
    const bidders = await Promise.all(world.managers.map((user, i) => connectTo(i % 3, user)));
    const rooms = bidders.map((socket) => new RoomClient(socket, world.auction.id));
    await Promise.all(rooms.map((room) => room.join()));
    expect((await bid(target, world, world.managers[0]!, 2)).status).toBe(201);

    await redis.kill();
    // Bids keep being decided by PostgreSQL while Redis is away; their broadcasts may not cross replicas.
    for (let amount = 3; amount <= 6; amount++) expect((await bid(target, world, world.managers[amount % 6]!, amount)).status).toBe(201);
    await redis.restart();

    const settled = await snapshot(target, world);
    await expect.poll(() => rooms.map((room) => room.seq), { timeout: 8000, interval: 100 }).toEqual(rooms.map(() => settled.seq));

    // Broadcasts across replicas are back within 5 s: a bid accepted then reaches every socket. One
    // accepted before a replica's subscriber is back is never heard there (pub/sub keeps nothing),
    // so bids go on until every socket has heard one.
    const started = Date.now();
    const heard = bidders.map(() => false);
    bidders.forEach((socket, i) =>
      socket.on('bid:accepted', (e) => {
        if (e.amount >= 50) heard[i] = true;
      }),
    );
    let amount = 50;
    const bidUntilHeard = async () => {
      if ((await bid(target, world, world.managers[amount % 6]!, amount)).status === 201) amount++;
      return heard.every(Boolean);
    };
    await expect.poll(bidUntilHeard, { timeout: 5000, interval: 250 }).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
    const last = await snapshot(target, world);
    expect(last.seq).toBeGreaterThan(settled.seq);
    await expect.poll(() => rooms.map((room) => room.seq), { timeout: 3000 }).toEqual(rooms.map(() => last.seq));
    expect(cluster.replicas.filter((r) => r.service === 'auction-engine').every((r) => r.running)).toBe(true);
    await expectAuctionInvariants(database.url, world.auction.id);
  });

  it('counts lobby presence across two gateway replicas', async () => {
    const league = await createLeague(target, { managers: 2 });
    const [ann, bob] = league.managers as [TestUser, TestUser];
    const annSocket = await connectTo(0, ann);
    const bobSocket = await connectTo(1, bob);
    expect(await annSocket.timeout(5000).emitWithAck('league:join', { leagueId: league.leagueId })).toEqual({ ok: true, online: [ann.id] });
    const both = nextEvent(annSocket, 'league:presence', (p) => p.online.length === 2);
    const bobJoin = await bobSocket.timeout(5000).emitWithAck('league:join', { leagueId: league.leagueId });
    expect(bobJoin).toEqual({ ok: true, online: [ann.id, bob.id].sort() });
    expect((await both).online).toEqual([ann.id, bob.id].sort());
    const annAgain = await connectTo(2, ann);
    expect(await annAgain.timeout(5000).emitWithAck('league:join', { leagueId: league.leagueId })).toEqual({
      ok: true,
      online: [ann.id, bob.id].sort(),
    });
    const onlyAnn = nextEvent(annSocket, 'league:presence', (p) => p.online.length === 1);
    bobSocket.close();
    expect((await onlyAnn).online).toEqual([ann.id]);
  });

  it('takes a removed member out of the lobby on every replica at once', async () => {
    const league = await createLeague(target, { managers: 2 });
    const [stays, removed] = league.managers as [TestUser, TestUser];
    const removedTabs = [await connectTo(0, removed), await connectTo(1, removed)];
    const staying = await connectTo(2, stays);
    for (const socket of [...removedTabs, staying]) {
      expect(await socket.timeout(5000).emitWithAck('league:join', { leagueId: league.leagueId })).toMatchObject({ ok: true });
    }
    const gone = nextEvent(staying, 'league:presence', (p) => p.online.length === 1);
    const removal = await target.api.delete(`/api/leagues/${league.leagueId}/members/${removed.id}`, { token: league.commissioner.token });
    expect(removal.status).toBe(204);
    expect((await gone).online).toEqual([stays.id]);

    const heard: string[] = [];
    for (const tab of removedTabs) tab.onAny((event: string) => heard.push(event));
    for (const tab of removedTabs) {
      expect(await tab.timeout(5000).emitWithAck('league:join', { leagueId: league.leagueId })).toMatchObject({
        ok: false,
        error: { code: 'NOT_A_MEMBER' },
      });
    }
    const started = nextEvent(staying, 'auction:started');
    expect((await target.api.post('/api/auctions', { leagueId: league.leagueId }, { token: league.commissioner.token })).status).toBe(201);
    await started;
    // A bounded wait for a negative: the broadcast reached replica 2; give replicas 0 and 1 as long again.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(heard).toEqual([]);
  });
});
