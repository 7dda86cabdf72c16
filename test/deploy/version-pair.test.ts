import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { AcceptedBid, AuctionSnapshot } from '@auction/contracts';
import { Api } from '@auction/testing';
import { expectAuctionInvariants } from '../integration/auction/support/invariants.js';
import { createLeague, startAuction, type World } from '../integration/auction/support/world.js';
import { useTestCluster } from './support/test-cluster.js';

/**
 * Release N's expand step (docs/operations.md, "Expand / contract"), one change of each kind the
 * rule allows: a nullable column, a column with a default, a new table, a new index. The
 * migration Job runs it while release N−1 still serves.
 */
const EXPAND_MIGRATION = `
  ALTER TABLE auction.bids ADD COLUMN placed_via text;
  ALTER TABLE auction.lots ADD COLUMN reserve_price integer NOT NULL DEFAULT 0;
  CREATE TABLE auction.bid_sources (bid_id uuid PRIMARY KEY, source text NOT NULL);
  CREATE INDEX bids_placed_via_idx ON auction.bids (placed_via) WHERE placed_via IS NOT NULL;
`;
/** Release N's backfill of the new column and table, running beside N−1's writes. */
const BACKFILL = `
  UPDATE auction.bids SET placed_via = 'web' WHERE placed_via IS NULL;
  INSERT INTO auction.bid_sources (bid_id, source) SELECT id, 'web' FROM auction.bids ON CONFLICT DO NOTHING;
`;
const MANAGERS = 6;

interface Placed {
  amount: number;
  status: number;
  bid?: AcceptedBid;
}

/**
 * An old and a new auction-engine replica side by side, as during a rolling deploy: both start
 * on the schema of release N−1 and serve one live auction through nginx; release N's expand
 * migration and backfill run while bids keep coming; then one replica is replaced by a process
 * that boots on the expanded schema (the new version) while the other keeps running the old
 * one's connections and statements. Every acknowledged bid is stored, both replicas accept bids
 * and answer the same snapshot, and the auction's invariants hold. The same build stands for both
 * releases: what it proves is that code written for a schema keeps working once that schema is
 * expanded under it, live. Needs the build (`npm test` builds first).
 */
/** Answers a bidder retries with the same clientBidId. */
const RETRIED = [502, 503];

describe('an old and a new auction-engine replica on one schema', () => {
  const stack = useTestCluster({ replicas: { auth: 1, leagues: 1, 'auction-engine': 2, scoring: 1 } });

  async function sql(text: string): Promise<pg.QueryResult> {
    const client = new pg.Client({ connectionString: stack.database.url });
    await client.connect();
    try {
      return await client.query(text);
    } finally {
      await client.end();
    }
  }

  /** Accepted bids so far of each auction-engine replica, read from its own /metrics. */
  async function acceptedPerReplica(): Promise<number[]> {
    const engines = stack.cluster.replicas.filter((r) => r.service === 'auction-engine');
    return Promise.all(
      engines.map(async (r) => {
        const text = await (await fetch(`http://127.0.0.1:${r.port}/metrics`)).text();
        return Number(/^bids_total\{result="accepted"\} (\d+)/m.exec(text)?.[1] ?? 0);
      }),
    );
  }

  /**
   * Outbids the last bid until `stop` resolves, one manager after the other. A 503 (a draining
   * replica) or a 502 (nginx lost the connection to a replica being replaced; it never resends a
   * POST) is retried with the same clientBidId, as a client does: the retry cannot count twice.
   */
  async function bidUntil(world: World, stop: Promise<unknown>, placed: Placed[]): Promise<void> {
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

  it('serves one auction from both while the schema expands and one replica is replaced', async () => {
    const world = await startAuction(
      stack,
      await createLeague(stack, {
        managers: MANAGERS - 1,
        assets: 2,
        settings: { budget: 100_000, rosterSize: 1, bidTimerSeconds: 10, antiSnipeSeconds: 5 },
      }),
    );
    const lotId = world.auction.currentLot!.id;
    const placed: Placed[] = [];

    const rollout = async () => {
      const before = await acceptedPerReplica();
      await sql(EXPAND_MIGRATION);
      await sql(BACKFILL);
      await stack.cluster.restart('auction-engine', 1);
      // Both versions serve side by side now: the old replica 0 and the new replica 1.
      const fromNew = await acceptedPerReplica();
      const target = fromNew[1]! + 5;
      await expect.poll(async () => (await acceptedPerReplica())[1], { timeout: 30_000, interval: 50 }).toBeGreaterThanOrEqual(target);
      return { before, after: await acceptedPerReplica() };
    };
    const rolled = rollout();
    await bidUntil(world, rolled, placed);
    const { before, after } = await rolled;
    await sql(BACKFILL);

    expect(placed.filter((p) => p.status !== 201).map((p) => `${p.amount}: ${p.status}`)).toEqual([]);
    // Each replica accepted bids: the old one across the migration, the new one after it booted on it.
    expect(after[0]!).toBeGreaterThan(before[0]!);
    expect(after[1]!).toBeGreaterThan(0);

    const stored = (await sql(`select seq, amount, bidder_id, placed_via from auction.bids where lot_id = '${lotId}' order by seq`)).rows;
    expect(stored.map((r) => [r.seq, r.amount])).toEqual(placed.map((p) => [p.bid!.seq, p.amount]));
    expect(stored.every((r) => r.placed_via === 'web')).toBe(true);

    const snapshots = await Promise.all(
      stack.cluster.replicas
        .filter((r) => r.service === 'auction-engine')
        .map(
          async (r) =>
            (
              await new Api(`http://127.0.0.1:${r.port}`).get<AuctionSnapshot>(`/api/auctions/${world.auction.id}`, {
                token: world.commissioner.token,
              })
            ).body,
        ),
    );
    const comparable = (s: AuctionSnapshot) => ({
      seq: s.seq,
      highBid: s.currentLot?.highBid,
      highBidderId: s.currentLot?.highBidderId,
      managers: s.managers,
    });
    expect(comparable(snapshots[1]!)).toEqual(comparable(snapshots[0]!));
    expect(snapshots[0]!.seq).toBe(placed.at(-1)!.bid!.seq);

    const last = placed.at(-1)!;
    await expect
      .poll(async () => (await sql(`select status, winner_id, price from auction.lots where id = '${lotId}'`)).rows[0], {
        timeout: Math.max(0, Date.parse(last.bid!.endsAt) - Date.now()) + 5000,
        interval: 100,
      })
      .toEqual({ status: 'sold', winner_id: last.bid!.bidderId, price: last.amount });
    await expectAuctionInvariants(stack.database.url, world.auction.id);
  }, 120_000);
});
