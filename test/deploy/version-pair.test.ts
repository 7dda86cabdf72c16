import { describe, expect, it } from 'vitest';
import { connectForMigrations, runMigrations } from '@auction/db';
import { writeMigrationSet } from '@auction/testing';
import { expectAuctionInvariants } from '../integration/auction/support/invariants.js';
import { createLeague, startAuction } from '../integration/auction/support/world.js';
import {
  acceptedPerReplica,
  bidUntil,
  comparable,
  eachReplicaAccepts,
  expectBidsStored,
  expectSoldToLastBid,
  snapshotPerReplica,
  sql,
  type Placed,
} from './support/live-auction.js';
import { useTestCluster } from './support/test-cluster.js';

/**
 * Release N's expand step (docs/operations.md, "Expand / contract"), one change of each kind the
 * rule allows: a nullable column, a column with a default, a new table, a new index. The
 * migration Job's runner applies it while release N−1 still serves; it takes the locks of two
 * tables the bids of N−1 use, in an order those bids do not, and gives way to them when they meet.
 */
const EXPAND_MIGRATION = [
  'ALTER TABLE auction.bids ADD COLUMN placed_via text;',
  'ALTER TABLE auction.lots ADD COLUMN reserve_price integer NOT NULL DEFAULT 0;',
  'CREATE TABLE auction.bid_sources (bid_id uuid PRIMARY KEY, source text NOT NULL);',
  'CREATE INDEX bids_placed_via_idx ON auction.bids (placed_via) WHERE placed_via IS NOT NULL;',
];
/** Release N's backfill of the new column and table, running beside N−1's writes. */
const BACKFILL = `
  UPDATE auction.bids SET placed_via = 'web' WHERE placed_via IS NULL;
  INSERT INTO auction.bid_sources (bid_id, source) SELECT id, 'web' FROM auction.bids ON CONFLICT DO NOTHING;
`;
const MANAGERS = 6;

async function migrateAsTheJobDoes(databaseUrl: string, statements: string[]): Promise<void> {
  const release = writeMigrationSet('release_n_expand', statements);
  const job = connectForMigrations(databaseUrl);
  try {
    await runMigrations(job.db, [release]);
  } finally {
    await job.pool.end();
    release.remove();
  }
}

/**
 * An old and a new auction-engine replica side by side, as during a rolling deploy: both start
 * on the schema of release N−1 and serve one live auction through nginx; release N's expand
 * migration and backfill run while bids keep coming; then one replica is replaced by a process
 * that boots on the expanded schema (the new version) while the other keeps running the old
 * one's connections and statements. Every acknowledged bid is stored, both replicas accept bids
 * and answer the same snapshot, and the auction's invariants hold. The same build stands for both
 * releases: what it proves is that code written for a schema keeps working once that schema is
 * expanded under it, live (release-pair.test.ts runs the previous release's own build beside this
 * one). Needs the build (`npm test` builds first).
 */
describe('an old and a new auction-engine replica on one schema', () => {
  const stack = useTestCluster({ replicas: { auth: 1, leagues: 1, 'auction-engine': 2, scoring: 1 } });

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
      const before = await acceptedPerReplica(stack);
      await migrateAsTheJobDoes(stack.database.url, EXPAND_MIGRATION);
      await sql(stack.database.url, BACKFILL);
      await stack.cluster.restart('auction-engine', 1);
      // Both versions serve side by side now: the old replica 0 and the new replica 1.
      return { before, after: await eachReplicaAccepts(stack, await acceptedPerReplica(stack), 5) };
    };
    const rolled = rollout();
    await bidUntil(stack, world, rolled, placed);
    const { before, after } = await rolled;
    await sql(stack.database.url, BACKFILL);

    expect(placed.filter((p) => p.status !== 201).map((p) => `${p.amount}: ${p.status}`)).toEqual([]);
    // Each replica accepted bids: the old one across the migration, the new one after it booted on it.
    expect(after[0]!).toBeGreaterThan(before[0]!);
    expect(after[1]!).toBeGreaterThan(0);

    await expectBidsStored(stack, lotId, placed);
    const placedVia = (await sql(stack.database.url, `select distinct placed_via from auction.bids where lot_id = '${lotId}'`)).rows;
    expect(placedVia).toEqual([{ placed_via: 'web' }]);

    const snapshots = await snapshotPerReplica(stack, world);
    expect(comparable(snapshots[1]!)).toEqual(comparable(snapshots[0]!));
    expect(snapshots[0]!.seq).toBe(placed.at(-1)!.bid!.seq);

    await expectSoldToLastBid(stack, lotId, placed);
    await expectAuctionInvariants(stack.database.url, world.auction.id);
  }, 120_000);
});
