import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestStack } from '@auction/testing';
import { auctionStack } from './support/world.js';

/**
 * Every replica sweeps open lots and scheduled starts five times a second, as named prepared
 * statements. After five runs PostgreSQL may switch such a statement to its generic plan, which
 * knows no parameter values: a status given as a parameter could not prove a partial index's
 * predicate, and each sweep would scan the whole table. The sweeps name their statuses as literals.
 */
const prepared = new Map<string, string>();
const query = pg.Client.prototype.query;

describe("the sweeps' plans", () => {
  let stack: TestStack;

  beforeAll(async () => {
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const config = args[0] as { name?: string; text?: string } | string;
      if (typeof config === 'object' && config.name?.startsWith('sweep_')) prepared.set(config.name, config.text!);
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    stack = await auctionStack();
  });
  afterAll(async () => {
    pg.Client.prototype.query = query;
    await stack?.close();
  });

  /** `args` are SQL literals for EXECUTE (a utility statement takes no bind parameters); `values` prepare the statement. */
  async function genericPlan(name: string, values: unknown[], args: string): Promise<string> {
    await expect.poll(() => prepared.has(name), { timeout: 5000 }).toBe(true);
    const client = new pg.Client({ connectionString: stack.database.url });
    await client.connect();
    try {
      await client.query({ name, text: prepared.get(name)!, values });
      await client.query('set plan_cache_mode = force_generic_plan');
      await client.query('set enable_seqscan = off');
      const plan = await client.query<{ 'QUERY PLAN': string }>(`explain execute ${name}(${args})`);
      return plan.rows.map((row) => row['QUERY PLAN']).join('\n');
    } finally {
      await client.end();
    }
  }

  it('finds the open lots by their deadline through the partial index of open lots', async () => {
    expect(await genericPlan('sweep_open_lots', [50], '50')).toContain('lots_open_ends_at_idx');
  });

  it('finds the scheduled starts through the partial index of scheduled auctions', async () => {
    expect(await genericPlan('sweep_scheduled_by', [new Date(), 50], 'now(), 50')).toContain('auctions_scheduled_starts_at_idx');
  });

  it('finds the auctions awaiting a lot and the turns running out through their own partial indexes', async () => {
    expect(await genericPlan('sweep_awaiting_lot', [50], '50')).toContain('auctions_next_lot_at_idx');
    expect(await genericPlan('sweep_turns_by_deadline', [50], '50')).toContain('auctions_turn_ends_at_idx');
  });
});
