import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Transaction } from './transactor.js';

const dialect = new PgDialect();

/**
 * One value per database handle (the pool, or one transaction), made on first use: a prepared
 * query belongs to the handle it was prepared on.
 */
export function perHandle<T>(make: (db: Transaction) => T): (db: Transaction) => T {
  const made = new WeakMap<Transaction, T>();
  return (db) => {
    if (!made.has(db)) made.set(db, make(db));
    return made.get(db)!;
  };
}

/**
 * A statement for the hottest paths: written once with drizzle's `sql` over real columns and
 * `sql.placeholder(name)` for its values, rendered to SQL once, and sent as a named prepared
 * statement, so PostgreSQL parses and plans it once per connection instead of on every call.
 */
export class PreparedStatement<Row> {
  private readonly prepared;

  constructor(name: string, statement: SQL) {
    const query = dialect.sqlToQuery(statement);
    this.prepared = perHandle((db) => db._.session.prepareQuery(query, undefined, name, false));
  }

  async rows(db: Transaction, values: Record<string, unknown>): Promise<Row[]> {
    const result = (await this.prepared(db).execute(values)) as { rows: Row[] };
    return result.rows;
  }
}
