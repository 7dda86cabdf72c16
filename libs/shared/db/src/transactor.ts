import { sql } from 'drizzle-orm';
import type { Database, DatabaseHandle } from './postgres.js';

/** The handle a use case passes to repositories: always their first argument. */
export type Transaction = Database;

export interface TransactionOptions {
  /** Serialises every transaction holding the same key, across processes (a PostgreSQL advisory lock). */
  lockKey?: string;
  /** The work's answer is returned but nothing it wrote is kept (a dry run). */
  rollback?: boolean;
}

/**
 * The one way a use case opens a transaction. Repositories never open their own: they take the
 * transaction handle first, so several of them share one commit.
 */
export class Transactor {
  constructor(private readonly database: DatabaseHandle) {}

  async run<T>(work: (tx: Transaction) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    try {
      return await this.database.db.transaction(async (tx) => {
        if (options.lockKey) await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${options.lockKey}, 0))`);
        const answer = await work(tx);
        if (options.rollback) throw new RolledBack(answer);
        return answer;
      });
    } catch (error) {
      if (error instanceof RolledBack) return error.answer as T;
      throw error;
    }
  }

  /** One consistent read-only snapshot for reads that combine several tables. */
  snapshot<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.database.db.transaction(work, { isolationLevel: 'repeatable read', accessMode: 'read only' });
  }
}

class RolledBack extends Error {
  constructor(readonly answer: unknown) {
    super('rolled back on purpose');
  }
}
