import { runMigrations, type MigrationSet } from './migrate.js';
import type { Database } from './postgres.js';

/** What a service needs in its schema before it serves: migrations, then idempotent seed data. */
export interface DataSetup {
  migrations: MigrationSet;
  seed?: (db: Database) => Promise<void>;
}

export async function setUpData(db: Database, setups: DataSetup[]): Promise<void> {
  await runMigrations(
    db,
    setups.map((s) => s.migrations),
  );
  for (const setup of setups) await setup.seed?.(db);
}
