import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@auction/testing';
import { connectDatabase, perHandle, PreparedStatement, Transactor, type DatabaseHandle } from '@auction/db';

describe('PreparedStatement', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    database = await createTestDatabase();
    handle = connectDatabase(database.url, { max: 1 });
    await handle.pool.query('create table counters (name text primary key, value integer not null)');
  });
  afterAll(async () => {
    await handle.pool.end();
    await database.drop();
  });

  const bump = new PreparedStatement<{ value: number }>(
    'test_bump_counter',
    sql`insert into counters (name, value) values (${sql.placeholder('name')}, ${sql.placeholder('by')})
        on conflict (name) do update set value = counters.value + excluded.value returning value`,
  );

  it('fills its placeholders on each call and is parsed once per connection, under its name', async () => {
    expect(await bump.rows(handle.db, { name: 'a', by: 2 })).toEqual([{ value: 2 }]);
    expect(await bump.rows(handle.db, { name: 'a', by: 3 })).toEqual([{ value: 5 }]);
    const { rows } = await handle.pool.query<{ name: string; statement: string }>('select name, statement from pg_prepared_statements');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.name).toBe('test_bump_counter');
    expect(rows[0]!.statement).toContain('on conflict');
  });

  it('runs inside a transaction it is given, and is rolled back with it', async () => {
    const transactor = new Transactor(handle);
    const inside = await transactor.run((tx) => bump.rows(tx, { name: 'b', by: 7 }), { rollback: true });
    expect(inside).toEqual([{ value: 7 }]);
    expect((await handle.pool.query("select * from counters where name = 'b'")).rows).toEqual([]);
  });
});

describe('perHandle', () => {
  it('makes one value per handle, on first use', () => {
    let made = 0;
    const one = perHandle(() => ({ serial: ++made }));
    const a = connectDatabase('postgres://127.0.0.1:1/none').db;
    const b = connectDatabase('postgres://127.0.0.1:1/none').db;
    expect(made).toBe(0);
    expect(one(a)).toBe(one(a));
    expect(one(b)).not.toBe(one(a));
    expect(made).toBe(2);
  });
});
