import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';

/**
 * Every write to a league's scoring data runs in one transaction holding that league's
 * advisory lock, so imports, roster updates and recomputes of one league never interleave
 * (across replicas too) and a failure leaves nothing behind.
 */
@Injectable()
export class LeagueTransactions {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  /** With `rollback`, the work's answer is returned but nothing it wrote is kept (a dry run). */
  async inLeague<T>(leagueId: string, work: (db: Database) => Promise<T>, options: { rollback?: boolean } = {}): Promise<T> {
    try {
      return await this.database.db.transaction(async (db) => {
        await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`scoring:${leagueId}`}, 0))`);
        const answer = await work(db);
        if (options.rollback) throw new RolledBack(answer);
        return answer;
      });
    } catch (error) {
      if (error instanceof RolledBack) return error.answer as T;
      throw error;
    }
  }

  /** A write that spans leagues (one member's rows everywhere); touches no league's scores, so takes no league lock. */
  acrossLeagues<T>(work: (db: Database) => Promise<T>): Promise<T> {
    return this.database.db.transaction(work);
  }

  /** One consistent snapshot for reads that combine several tables. */
  snapshot<T>(work: (db: Database) => Promise<T>): Promise<T> {
    return this.database.db.transaction(work, { isolationLevel: 'repeatable read', accessMode: 'read only' });
  }
}

class RolledBack extends Error {
  constructor(readonly answer: unknown) {
    super('rolled back on purpose');
  }
}

/** Splits rows for multi-row inserts, keeping each statement well under PostgreSQL's 65,535 parameters. */
export function chunks<T>(rows: readonly T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
