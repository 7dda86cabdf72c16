import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MigrationSet } from '@auction/db';

/**
 * A migration written as a service's are, in drizzle's folder layout (a journal and one SQL file),
 * for tests that apply a release's migration with the migration job's own runner.
 */
export function writeMigrationSet(schema: string, statements: string[]): MigrationSet & { remove(): void } {
  const folder = mkdtempSync(join(tmpdir(), `${schema}-`));
  mkdirSync(join(folder, 'meta'));
  const entry = { idx: 0, version: '7', when: Date.now(), tag: '0000_migration', breakpoints: true };
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ version: '7', dialect: 'postgresql', entries: [entry] }));
  writeFileSync(join(folder, `${entry.tag}.sql`), statements.join('\n--> statement-breakpoint\n'));
  return { schema, folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}
