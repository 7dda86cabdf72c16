import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { io } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExitStatus } from '@auction/cluster';
import type { AcceptedBid, AuctionSnapshot, ErrorBody, ErrorCode } from '@auction/contracts';
import type { TestUser } from '@auction/testing';
import { expectAuctionInvariants } from '../integration/auction/support/invariants.js';
import type { ClientSocket } from '../integration/auction/support/sockets.js';
import { createLeague, startAuction, type World } from '../integration/auction/support/world.js';
import { useTestCluster } from './support/test-cluster.js';

type BidAck = { ok: true; bid: AcceptedBid } | { ok: false; error: ErrorBody };

const BIDDERS = 150;
const REPLICAS = 3;
/** Refusals a bidder can get in a fair auction; anything else (or no answer after retries) is a failure. */
const BUSINESS_REFUSALS = new Set<ErrorCode>([
  'BID_TOO_LOW',
  'LOT_CLOSED',
  'BUDGET_EXCEEDED',
  'ROSTER_FULL',
  'AUCTION_COMPLETED',
  'AUCTION_NOT_LIVE',
]);
const BID_ATTEMPTS = 4;
const ACK_TIMEOUT_MS = 5000;
const BACK_WITHIN_MS = 5000;
/** How long a retry waits for its client to be connected and re-joined again. */
const RECONNECT_WAIT_MS = 10_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error as Error);
      },
    );
  });
}

const phase = (what: string) => process.stdout.write(`[${new Date().toISOString()}] ${what}\n`);

/** One bidder: a real Socket.IO client through nginx that reconnects, re-joins and retries as the web client does. */
class Bidder {
  readonly socket: ClientSocket;
  seq = 0;
  high = 0;
  disconnects = 0;
  readonly backAfterMs: number[] = [];
  staleSnapshots = 0;
  /** What happened to this client's connection (a repeated event counted), for the message of a slow reconnect. */
  private readonly timeline: Array<{ at: string; event: string; times: number }> = [];
  readonly sold: Array<{ lotId: string; winnerId: string; price: number; at: number }> = [];
  private joined: Promise<void>;
  private disconnectedAt: number | null = null;
  /** The seq this client had seen when its connection dropped; the snapshot after re-joining must not be older. */
  private seqAtDisconnect = 0;

  constructor(
    url: string,
    readonly user: TestUser,
    readonly auctionId: string,
    localAddress: string,
  ) {
    this.socket = io(url, {
      path: '/socket.io',
      auth: { token: user.token },
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
      timeout: 10_000,
      localAddress,
    } as Parameters<typeof io>[1]) as ClientSocket;
    this.joined = this.joinOnConnect();
    this.socket.io.on('reconnect_error', (error) => this.note(`reconnect failed: ${error.message}`));
    this.socket.on('connect', () => this.note('connected'));
    this.socket.on('disconnect', (reason) => {
      this.note(`disconnected: ${reason}`);
      this.disconnects++;
      this.disconnectedAt = Date.now();
      this.seqAtDisconnect = this.seq;
      this.joined = this.joinOnConnect();
    });
    this.socket.on('lot:sold', (e) => {
      if (e.auctionId === auctionId) this.sold.push({ lotId: e.lotId, winnerId: e.winnerId, price: e.price, at: Date.now() });
    });
    this.socket.on('bid:accepted', (bid) => {
      if (bid.auctionId !== auctionId) return;
      this.seq = Math.max(this.seq, bid.seq);
      this.high = Math.max(this.high, bid.amount);
    });
  }

  note(event: string): void {
    const last = this.timeline.at(-1);
    if (last?.event === event) last.times++;
    else this.timeline.push({ at: new Date().toISOString(), event, times: 1 });
  }

  story(): string {
    return [this.user.id, ...this.timeline.map((e) => `  ${e.at} ${e.event}${e.times > 1 ? ` (×${e.times})` : ''}`)].join('\n');
  }

  /** Came back (connected and re-joined with a snapshot) after every lost connection, each time within `ms`. */
  cameBackWithin(ms: number): boolean {
    return this.backAfterMs.length === this.disconnects && this.backAfterMs.every((back) => back <= ms);
  }

  /** Resolves once the socket is connected and has a fresh snapshot of the auction. */
  ready(): Promise<void> {
    return this.joined;
  }

  /** auction:join, asked again when its answer is slow (as the web client does). */
  private async join(): Promise<{ ok: true; snapshot: AuctionSnapshot } | { ok: false; error: ErrorBody }> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('auction:join', { auctionId: this.auctionId });
      } catch (error) {
        this.note(`auction:join attempt ${attempt}: ${(error as Error).message}`);
        if (attempt >= BID_ATTEMPTS || !this.socket.connected) throw error;
      }
    }
  }

  private joinOnConnect(): Promise<void> {
    return new Promise<void>((resolve) => this.socket.once('connect', () => resolve())).then(async () => {
      const answer = await this.join();
      if (!answer.ok) throw new Error(`auction:join refused: ${answer.error.code}`);
      if (answer.snapshot.seq < this.seqAtDisconnect) this.staleSnapshots++;
      this.seq = Math.max(this.seq, answer.snapshot.seq);
      this.high = Math.max(this.high, answer.snapshot.currentLot?.highBid ?? 0);
      if (this.disconnectedAt !== null) this.backAfterMs.push(Date.now() - this.disconnectedAt);
      this.note(`joined, seq ${answer.snapshot.seq}`);
      this.disconnectedAt = null;
    });
  }
}

interface BidRecord {
  bidder: Bidder;
  amount: number;
  attempts: number;
  accepted?: AcceptedBid;
  refusal?: ErrorCode;
  /** No answer after every retry, or a refusal that is not a business decision. */
  failure?: string;
}

/**
 * A rolling deploy during a live auction: 150 real Socket.IO clients through nginx bid on one
 * lot while each of the three auction-engine replicas in turn gets SIGTERM (drain), exits and
 * is replaced by a new process (SPEC §3, issue "a rolling deploy that loses nothing"). Each
 * replacement waits for the new process to be ready: seconds on a quiet machine, longer on a
 * busy one; the lot stays open meanwhile because bids keep extending it (anti-snipe). A client
 * slower than 5 s to come back fails the test with its connection's timeline. Needs the build
 * (`npm test` builds first).
 */
describe('rolling deploy of the auction engine during a live auction', () => {
  const bidders: Bidder[] = [];
  const exits: Array<{ replica: string; status: ExitStatus; at: number }> = [];
  const stack = useTestCluster({
    replicas: { auth: 1, leagues: 1, 'auction-engine': REPLICAS, scoring: 1 },
    onExit: (replica, status) => exits.push({ replica, status, at: Date.now() }),
  });
  afterAll(() => {
    for (const bidder of bidders) bidder.socket.close();
  });

  async function placeWithRetries(record: BidRecord, auctionId: string, lotId: string): Promise<void> {
    const clientBidId = randomUUID();
    for (record.attempts = 1; record.attempts <= BID_ATTEMPTS; record.attempts++) {
      await withTimeout(record.bidder.ready(), RECONNECT_WAIT_MS).catch(() => undefined);
      const ack = (await record.bidder.socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('bid:place', { auctionId, lotId, amount: record.amount, clientBidId })
        .catch(() => null)) as BidAck | null;
      if (ack?.ok) {
        record.accepted = ack.bid;
        return;
      }
      // No answer (the connection closed under the bid) or a draining replica: retry, same clientBidId.
      if (ack && ack.error.code !== 'SERVICE_UNAVAILABLE') {
        if (BUSINESS_REFUSALS.has(ack.error.code)) record.refusal = ack.error.code;
        else record.failure = ack.error.code;
        return;
      }
    }
    record.failure = 'NO_ANSWER_AFTER_RETRIES';
  }

  async function lotRow(lotId: string) {
    const client = new pg.Client({ connectionString: stack.database.url });
    await client.connect();
    try {
      const lot = (await client.query('select status, ends_at, closed_at, winner_id, price from auction.lots where id = $1', [lotId]))
        .rows[0];
      const bids = (await client.query('select seq, amount, bidder_id from auction.bids where lot_id = $1', [lotId])).rows;
      return { lot, bids: bids as Array<{ seq: number; amount: number; bidder_id: string }> };
    } finally {
      await client.end();
    }
  }

  it('replaces every replica one at a time: no acknowledged bid lost, no failure, everyone back within 5 s, the lot closes on time', async () => {
    const league = await createLeague(stack, {
      managers: BIDDERS - 1,
      assets: 2,
      settings: { budget: 100_000, rosterSize: 1, maxManagers: BIDDERS, bidTimerSeconds: 20, antiSnipeSeconds: 10 },
    });
    phase('league created');
    const world: World = await startAuction(stack, league);
    const lotId = world.auction.currentLot!.id;
    for (const [i, user] of world.everyone.entries()) {
      // nginx's ip_hash spreads clients by the first three octets of their address.
      bidders.push(new Bidder(stack.cluster.url, user, world.auction.id, `127.${1 + ((i >> 8) % 200)}.${i % 256}.1`));
    }
    await Promise.all(bidders.map((b) => b.ready()));
    phase('bidders joined');

    const records: BidRecord[] = [];
    let rolling = true;
    const loops = bidders.map(async (bidder) => {
      while (rolling) {
        // Pacing of a person bidding every 2–5 s (load shape, not a wait for an event).
        await new Promise((resolve) => setTimeout(resolve, 2000 + Math.random() * 3000));
        if (!rolling) break;
        const record: BidRecord = { bidder, amount: bidder.high + 1 + Math.floor(Math.random() * 3), attempts: 0 };
        records.push(record);
        await placeWithRetries(record, world.auction.id, lotId);
      }
    });

    const rollStarted = Date.now();
    const drainMs: number[] = [];
    for (let index = 0; index < REPLICAS; index++) {
      const before = stack.cluster.replicas.find((r) => r.service === 'auction-engine' && r.index === index)!;
      const signalled = Date.now();
      phase(`SIGTERM to replica ${index}`);
      const after = await stack.cluster.restart('auction-engine', index);
      drainMs.push(exits.at(-1)!.at - signalled);
      phase(`replica ${index} replaced; ${records.length} bids so far`);
      expect(after.pid).not.toBe(before.pid);
      expect(after.running).toBe(true);
    }
    const rollMs = Date.now() - rollStarted;
    rolling = false;
    // A bid in flight gets its retries (bounded: BID_ATTEMPTS × (reconnect wait + ack timeout)).
    await withTimeout(Promise.all(loops), BID_ATTEMPTS * (RECONNECT_WAIT_MS + ACK_TIMEOUT_MS)).catch(() => undefined);
    for (const record of records) if (!record.accepted && !record.refusal && !record.failure) record.failure = 'STILL_PENDING';
    phase('bid loops done');
    const bidsDuringRoll = records.length;

    const accepted = records.filter((r) => r.accepted);
    const { bids } = await lotRow(lotId);
    const stored = new Map(bids.map((b) => [b.seq, b]));
    const lost = accepted.filter((r) => {
      const row = stored.get(r.accepted!.seq);
      return !row || row.amount !== r.accepted!.amount || row.bidder_id !== r.bidder.user.id;
    });
    const failures = records.filter((r) => r.failure);
    const backTimes = bidders.flatMap((b) => b.backAfterMs).sort((a, b) => a - b);
    const percentile = (p: number) => backTimes[Math.min(backTimes.length - 1, Math.floor((p / 100) * backTimes.length))];
    process.stdout.write(
      `rolling deploy: ${REPLICAS} replicas replaced in ${rollMs} ms (SIGTERM to exit: ${drainMs.join(', ')} ms); ${bidsDuringRoll} bids during the roll ` +
        `(${accepted.length} accepted, ${records.filter((r) => r.refusal).length} refused as too low, ` +
        `${records.filter((r) => r.attempts > 1).length} retried); ${backTimes.length} reconnects in ${percentile(50)} ms (p50), ` +
        `${percentile(99)} ms (p99), ${backTimes.at(-1)} ms (max); ` +
        `lost ${lost.length}; failures ${failures.length} ${JSON.stringify(failures.slice(0, 5).map((f) => f.failure))}; stale snapshots ${bidders.reduce((n, b) => n + b.staleSnapshots, 0)}\n`,
    );

    expect(bidsDuringRoll).toBeGreaterThan(BIDDERS);
    expect(lost).toEqual([]);
    expect(failures.map((r) => r.failure)).toEqual([]);
    // Every replica was replaced, so every client lost its connection at least once and came back.
    expect(bidders.filter((b) => b.disconnects === 0).map((b) => b.user.id)).toEqual([]);
    expect(bidders.filter((b) => !b.cameBackWithin(BACK_WITHIN_MS)).map((b) => b.story())).toEqual([]);
    expect(bidders.reduce((n, b) => n + b.staleSnapshots, 0)).toBe(0);
    // SIGTERM drained: each old process exited by its own shutdown, none needed SIGKILL.
    const engineExits = exits.filter((e) => e.replica.startsWith('auction-engine#'));
    expect(engineExits).toHaveLength(REPLICAS);
    expect(engineExits.every((e) => e.status.signal !== 'SIGKILL')).toBe(true);

    const lastEndsAt = Math.max(...records.flatMap((r) => (r.accepted ? [Date.parse(r.accepted.endsAt)] : [])));
    await expect
      .poll(() => bidders.filter((b) => b.sold.some((e) => e.lotId === lotId)).length, {
        timeout: Math.max(0, lastEndsAt - Date.now()) + 10_000,
        interval: 100,
      })
      .toBe(BIDDERS);
    const sold = bidders.flatMap((b) => b.sold.filter((e) => e.lotId === lotId));
    const { lot } = await lotRow(lotId);
    process.stdout.write(`lot closed ${lot.closed_at?.getTime() - lot.ends_at?.getTime()} ms after its deadline\n`);
    const highest = accepted.reduce((best, r) => (r.accepted!.amount > best.accepted!.amount ? r : best));
    expect(lot.status).toBe('sold');
    expect({ winner: lot.winner_id, price: lot.price }).toEqual({ winner: highest.bidder.user.id, price: highest.accepted!.amount });
    expect(lot.closed_at.getTime() - lot.ends_at.getTime()).toBeLessThan(1000);
    expect(sold).toHaveLength(BIDDERS);
    expect(new Set(sold.map((e) => `${e.winnerId}:${e.price}`))).toEqual(
      new Set([`${highest.bidder.user.id}:${highest.accepted!.amount}`]),
    );
    await expectAuctionInvariants(stack.database.url, world.auction.id);
  }, 600_000);
});
