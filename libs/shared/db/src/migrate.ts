import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './postgres.js';

/** A service's committed SQL migrations and the schema it owns. */
export interface MigrationSet {
  schema: string;
  folder: string;
}

/** Applies each service's migrations, each with its own journal table. */
export async function runMigrations(db: Database, sets: MigrationSet[]): Promise<void> {
  for (const set of sets) {
    // A service that owns no tables yet has no journal.
    if (!existsSync(join(set.folder, 'meta', '_journal.json'))) continue;
    await migrate(db, {
      migrationsFolder: set.folder,
      // The journal cannot live in the service's schema: drizzle creates it before the first migration does.
      migrationsSchema: 'drizzle',
      migrationsTable: `${set.schema}_migrations`,
    });
  }
}
