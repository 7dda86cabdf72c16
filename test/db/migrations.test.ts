import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, writeMigrationSet, type TestDatabase } from '@auction/testing';
import { connectForMigrations, runMigrations } from '@auction/db';

/** Resolves once the migration job holds the exclusive lock of a table. */
async function migrationHoldsTable(client: pg.Client, table: string): Promise<void> {
  const held = `select 1 from pg_locks l join pg_stat_activity a using (pid)
    where l.granted and l.mode = 'AccessExclusiveLock' and l.relation = '${table}'::regclass and a.application_name = 'migrate'`;
  while ((await client.query(held)).rowCount === 0) await new Promise((resolve) => setImmediate(resolve));
}

describe('the migration job beside live traffic', () => {
  let database: TestDatabase;
  const sets: Array<ReturnType<typeof writeMigrationSet>> = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query('create table lots (id integer primary key, high_bid integer not null default 0)');
    await admin.query('create table bids (lot_id integer not null, amount integer not null)');
    await admin.query('insert into lots (id) values (1)');
    await admin.end();
  });
  afterAll(async () => {
    for (const set of sets) set.remove();
    await database.drop();
  });

  /**
   * The migration locks bids, then lots; the bid holds lots, then needs bids: a lock cycle. The bid
   * waits first, so PostgreSQL's deadlock check (after 1 s of waiting) would fail the bid, not the
   * migration; the migration, waiting at most 500 ms, gives way before that.
   */
  it('gives way to a bid caught in a lock cycle with it, so the bid goes through, and applies after it', async () => {
    const set = writeMigrationSet('expand_two_tables', [
      'ALTER TABLE bids ADD COLUMN placed_via text;',
      // A step that takes a while, as an index build would.
      'SELECT pg_sleep(0.3);',
      'ALTER TABLE lots ADD COLUMN reserve_price integer NOT NULL DEFAULT 0;',
    ]);
    sets.push(set);
    const bid = new pg.Client({ connectionString: database.url });
    const watcher = new pg.Client({ connectionString: database.url });
    await Promise.all([bid.connect(), watcher.connect()]);
    const job = connectForMigrations(database.url);
    const retries: number[] = [];
    try {
      await bid.query('begin');
      await bid.query('update lots set high_bid = 5 where id = 1');
      const migrated = runMigrations(job.db, [set], { onRetry: (_, attempt) => retries.push(attempt) });
      await migrationHoldsTable(watcher, 'bids');

      await bid.query('insert into bids (lot_id, amount) values (1, 5)');
      await bid.query('commit');
      await migrated;

      expect(retries.length).toBeGreaterThan(0);
      const columns = await watcher.query(
        `select table_name, column_name from information_schema.columns where column_name in ('placed_via', 'reserve_price') order by 1`,
      );
      expect(columns.rows).toEqual([
        { table_name: 'bids', column_name: 'placed_via' },
        { table_name: 'lots', column_name: 'reserve_price' },
      ]);
      expect((await watcher.query('select lot_id, amount from bids')).rows).toEqual([{ lot_id: 1, amount: 5 }]);
      const journal = await watcher.query(`select count(*)::int as applied from drizzle.expand_two_tables_migrations`);
      expect(journal.rows).toEqual([{ applied: 1 }]);
    } finally {
      await Promise.all([bid.end(), watcher.end(), job.pool.end()]);
    }
  });

  it('fails at once, without trying again, on an error that is not a lock', async () => {
    const set = writeMigrationSet('broken', ['ALTER TABLE no_such_table ADD COLUMN x text;']);
    sets.push(set);
    const job = connectForMigrations(database.url);
    const retries: number[] = [];
    try {
      await expect(runMigrations(job.db, [set], { onRetry: (_, attempt) => retries.push(attempt) })).rejects.toThrow(/no_such_table/);
      expect(retries).toEqual([]);
    } finally {
      await job.pool.end();
    }
  });
});
