import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { expect } from 'vitest';
import type { AcceptedBid, AuctionSnapshot } from '@auction/contracts';
import { Api } from '@auction/testing';
import type { World } from '../../integration/auction/support/world.js';
import type { TestCluster } from './test-cluster.js';

/** One bid of a live auction and what the platform answered. */
export interface Placed {
  amount: number;
  status: number;
  bid?: AcceptedBid;
}

/** Answers a bidder retries with the same clientBidId. */
const RETRIED = [502, 503];

export async function sql(databaseUrl: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

export function engineReplicas(stack: TestCluster) {
  return stack.cluster.replicas.filter((r) => r.service === 'auction-engine');
}

/** Accepted bids so far of each auction-engine replica, read from its own /metrics. */
export async function acceptedPerReplica(stack: TestCluster): Promise<number[]> {
  return Promise.all(
    engineReplicas(stack).map(async (r) => {
      const text = await (await fetch(`http://127.0.0.1:${r.port}/metrics`)).text();
      return Number(/^bids_total\{result="accepted"\} (\d+)/m.exec(text)?.[1] ?? 0);
    }),
  );
}

/**
 * Outbids the last bid through nginx until `stop` resolves, one manager after the other. A 503 (a
 * draining replica) or a 502 (nginx lost the connection to a replica being replaced; it never
 * resends a POST) is retried with the same clientBidId, as a client does: the retry cannot count twice.
 */
export async function bidUntil(stack: TestCluster, world: World, stop: Promise<unknown>, placed: Placed[]): Promise<void> {
  let stopped = false;
  const done = () => (stopped = true);
  void stop.then(done, done);
  while (!stopped) {
    const amount = placed.length + 1;
    const bidder = world.everyone[placed.length % world.everyone.length]!;
    const body = { lotId: world.auction.currentLot!.id, amount, clientBidId: randomUUID() };
    let answer = await stack.api.post<AcceptedBid>(`/api/auctions/${world.auction.id}/bids`, body, { token: bidder.token });
    for (let retry = 0; RETRIED.includes(answer.status) && retry < 3; retry++) {
      answer = await stack.api.post<AcceptedBid>(`/api/auctions/${world.auction.id}/bids`, body, { token: bidder.token });
    }
    placed.push({ amount, status: answer.status, bid: answer.status === 201 ? answer.body : undefined });
  }
}

/** Resolves once every auction-engine replica accepted `more` bids beyond `before`. */
export async function eachReplicaAccepts(stack: TestCluster, before: number[], more: number): Promise<number[]> {
  await expect
    .poll(async () => (await acceptedPerReplica(stack)).every((n, i) => n >= before[i]! + more), { timeout: 30_000, interval: 50 })
    .toBe(true);
  return acceptedPerReplica(stack);
}

/** The auction's snapshot as each auction-engine replica answers it, asked directly (not through nginx). */
export function snapshotPerReplica(stack: TestCluster, world: World): Promise<AuctionSnapshot[]> {
  return Promise.all(
    engineReplicas(stack).map(async (r) => {
      const answer = await new Api(`http://127.0.0.1:${r.port}`).get<AuctionSnapshot>(`/api/auctions/${world.auction.id}`, {
        token: world.commissioner.token,
      });
      expect(answer.status).toBe(200);
      return answer.body;
    }),
  );
}

/** What two replicas must agree on about one auction. */
export function comparable(s: AuctionSnapshot) {
  return { seq: s.seq, highBid: s.currentLot?.highBid, highBidderId: s.currentLot?.highBidderId, managers: s.managers };
}

/** Every acknowledged bid of the lot is stored, in order, and nothing else is. */
export async function expectBidsStored(stack: TestCluster, lotId: string, placed: Placed[]): Promise<void> {
  const stored = (await sql(stack.database.url, `select seq, amount from auction.bids where lot_id = '${lotId}' order by seq`)).rows;
  expect(stored.map((r) => [r.seq, r.amount])).toEqual(placed.map((p) => [p.bid!.seq, p.amount]));
}

/** The lot closes on its timer, sold to the last bid. */
export async function expectSoldToLastBid(stack: TestCluster, lotId: string, placed: Placed[]): Promise<void> {
  const last = placed.at(-1)!;
  await expect
    .poll(async () => (await sql(stack.database.url, `select status, winner_id, price from auction.lots where id = '${lotId}'`)).rows[0], {
      timeout: Math.max(0, Date.parse(last.bid!.endsAt) - Date.now()) + 5000,
      interval: 100,
    })
    .toEqual({ status: 'sold', winner_id: last.bid!.bidderId, price: last.amount });
}
