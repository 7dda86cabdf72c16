import { retryWhenGivingWay, runMigrations, type MigrationOptions, type MigrationSet } from './migrate.js';
import type { Database } from './postgres.js';

/** What a service needs in its schema before it serves: migrations, then idempotent seed data. */
export interface DataSetup {
  migrations: MigrationSet;
  seed?: (db: Database) => Promise<void>;
}

export async function setUpData(db: Database, setups: DataSetup[], options: MigrationOptions = {}): Promise<void> {
  await runMigrations(
    db,
    setups.map((s) => s.migrations),
    options,
  );
  for (const { migrations, seed } of setups) {
    if (seed) await retryWhenGivingWay(migrations.schema, () => seed(db), options);
  }
}
