import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { causeChain } from './errors.js';
import { connectDatabase, type Database, type DatabaseHandle } from './postgres.js';

/** A service's committed SQL migrations and the schema it owns. */
export interface MigrationSet {
  schema: string;
  folder: string;
}

/**
 * How long a migration waits for a table lock before it gives way. A migration that alters two
 * tables can hold one while a live bid holds the other and waits for the first: PostgreSQL breaks
 * such a cycle after its deadlock_timeout (1 s by default) by failing one of the two, which may be
 * the bid. Waiting less than that, the migration always gives way first: it rolls back, the bid
 * goes on, and the migration tries again. It also bounds how long a queued ALTER holds up the bids
 * queued behind it.
 */
const MIGRATION_LOCK_TIMEOUT_MS = 500;
/** Tries of one service's migrations before the job fails (a minute and more of giving way). */
const MIGRATION_ATTEMPTS = 40;
const GAVE_WAY = new Set(['55P03', '40P01']); // lock_not_available, deadlock_detected

/** The connection the migration job runs on: it gives way to live traffic instead of blocking it. */
export function connectForMigrations(url: string): DatabaseHandle {
  return connectDatabase(url, { applicationName: 'migrate', max: 2, lockTimeoutMs: MIGRATION_LOCK_TIMEOUT_MS });
}

export interface MigrationOptions {
  /** Told each time a service's migrations gave way to live traffic and will be tried again. */
  onRetry?: (schema: string, attempt: number) => void;
}

/**
 * Applies each service's migrations, each with its own journal table. Drizzle applies a service's
 * pending migrations in one transaction, so one that gave way left nothing behind and is run again.
 */
export async function runMigrations(db: Database, sets: MigrationSet[], options: MigrationOptions = {}): Promise<void> {
  for (const set of sets) {
    // A service that owns no tables yet has no journal.
    if (!existsSync(join(set.folder, 'meta', '_journal.json'))) continue;
    await retryWhenGivingWay(set.schema, () => migrateSet(db, set), options);
  }
}

/** Runs one transaction of the migration job again each time it gave way to live traffic. */
export async function retryWhenGivingWay(schema: string, work: () => Promise<void>, options: MigrationOptions): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!gaveWay(error) || attempt === MIGRATION_ATTEMPTS) throw error;
      options.onRetry?.(schema, attempt);
      await sleep(Math.min(100 * attempt, 2_000) * (0.5 + Math.random()));
    }
  }
}

function migrateSet(db: Database, set: MigrationSet): Promise<void> {
  return migrate(db, {
    migrationsFolder: set.folder,
    // The journal cannot live in the service's schema: drizzle creates it before the first migration does.
    migrationsSchema: 'drizzle',
    migrationsTable: `${set.schema}_migrations`,
  });
}

function gaveWay(error: unknown): boolean {
  return causeChain(error).some(({ code }) => typeof code === 'string' && GAVE_WAY.has(code));
}
