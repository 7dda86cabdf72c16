import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@auction/testing';

/**
 * The backup script (its one copy, the chart's files/backup.sh) and scripts/restore.sh against
 * the real PostgreSQL: a migrated database with rows in several schemas is dumped and restored
 * into a fresh one, and every row of every table must come back. Needs pg_dump, pg_restore and
 * psql; no build.
 */
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const BACKUP = join(REPO_ROOT, 'helm/auction-platform/files/backup.sh');
const RESTORE = join(REPO_ROOT, 'scripts/restore.sh');

function run(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('bash', [script, ...args], { env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

async function query<T = any>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Every row of every user table, and every sequence's position, in a comparable form. */
async function snapshot(url: string): Promise<Record<string, string[]>> {
  const tables = await query<{ schema: string; name: string }>(
    url,
    `select table_schema as schema, table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
      order by 1, 2`,
  );
  const out: Record<string, string[]> = {};
  for (const { schema, name } of tables) {
    const rows = await query(url, `select * from "${schema}"."${name}"`);
    out[`${schema}.${name}`] = rows.map((r) => JSON.stringify(r)).sort();
  }
  const sequences = await query<{ schema: string; name: string }>(
    url,
    `select sequence_schema as schema, sequence_name as name from information_schema.sequences order by 1, 2`,
  );
  for (const { schema, name } of sequences) {
    const [row] = await query(url, `select last_value, is_called from "${schema}"."${name}"`);
    out[`sequence ${schema}.${name}`] = [JSON.stringify(row)];
  }
  return out;
}

describe('backups with a tested restore', () => {
  let source: TestDatabase;
  let restored: TestDatabase;
  let backupDir: string;
  let backupFile: string;

  beforeAll(async () => {
    source = await createTestDatabase(inject('templateDatabase'));
    restored = await createTestDatabase();
    backupDir = mkdtempSync(join(tmpdir(), 'backups-'));
    await query(source.url, `insert into auth.users (email, display_name) values ($1, $2), ($3, $4)`, [
      'captain@club.test',
      'Captain Ōtautahi',
      'keeper@club.test',
      "Keeper O'Neil",
    ]);
    // A schema of its own with awkward types, so the round trip is checked beyond the services' tables.
    await query(
      source.url,
      `create schema restore_check;
       create table restore_check.samples (id bigserial primary key, payload jsonb not null, at timestamptz not null, note text, amount numeric(12, 2));
       insert into restore_check.samples (payload, at, note, amount) values
         ('{"bids": [1, 2, 3], "ok": true}', '2025-08-16T14:00:00Z', E'line one\\nline two, "quoted"', 499.99),
         ('{}', '2026-01-01T00:00:00+13:00', null, 0);`,
    );
  });

  afterAll(async () => {
    await source?.drop();
    await restored?.drop();
    if (backupDir) rmSync(backupDir, { recursive: true, force: true });
  });

  it('writes a timestamped custom-format dump and prints its path', async () => {
    const result = await run(BACKUP, [backupDir], { DATABASE_URL: source.url });
    expect(result.code, result.stderr).toBe(0);
    backupFile = result.stdout.trim().split('\n').at(-1)!;
    expect(backupFile).toMatch(new RegExp(`/auction-${source.name}-\\d{8}T\\d{6,9}Z\\.dump$`));
    expect(readdirSync(backupDir)).toEqual([backupFile.split('/').at(-1)]);
  });

  it('restores every row of every schema into an empty database', async () => {
    const result = await run(RESTORE, [backupFile, restored.url]);
    expect(result.code, result.stderr).toBe(0);
    const [before, after] = [await snapshot(source.url), await snapshot(restored.url)];
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['auth.users', 'restore_check.samples']));
    expect(after).toEqual(before);
    expect(after['auth.users']!.some((row) => row.includes('Captain Ōtautahi'))).toBe(true);
    expect(new Set(Object.keys(after).map((k) => k.replace(/^sequence /, '').split('.')[0])).size).toBeGreaterThanOrEqual(3);
  });

  it('refuses loudly to restore into a database that is not empty, and changes nothing there', async () => {
    const before = await snapshot(restored.url);
    const result = await run(RESTORE, [backupFile, restored.url]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/not empty/);
    expect(await snapshot(restored.url)).toEqual(before);
  });

  it('fails on a file that is not a backup, and on a missing one', async () => {
    const target = await createTestDatabase();
    try {
      const junk = join(backupDir, 'junk.dump');
      writeFileSync(junk, 'not a dump');
      const bad = await run(RESTORE, [junk, target.url]);
      expect(bad.code).not.toBe(0);
      expect(bad.stderr).toMatch(/not a pg_dump/);
      const missing = await run(RESTORE, [join(backupDir, 'nope.dump'), target.url]);
      expect(missing.code).not.toBe(0);
      expect((await run(RESTORE, [backupFile])).code).not.toBe(0);
    } finally {
      await target.drop();
    }
  });

  it('keeps only the newest BACKUP_KEEP backups of the database', async () => {
    for (let i = 0; i < 3; i++) {
      const result = await run(BACKUP, [backupDir], { DATABASE_URL: source.url, BACKUP_KEEP: '2' });
      expect(result.code, result.stderr).toBe(0);
    }
    const kept = readdirSync(backupDir).filter((f) => f.startsWith(`auction-${source.name}-`));
    expect(kept).toHaveLength(2);
    expect(kept).not.toContain(backupFile.split('/').at(-1));
  });

  it('fails without DATABASE_URL or with an unreachable database, leaving no partial file', async () => {
    const noUrl = await run(BACKUP, [backupDir], { DATABASE_URL: '' });
    expect(noUrl.code).not.toBe(0);
    expect(noUrl.stderr).toMatch(/DATABASE_URL/);
    const unreachable = await run(BACKUP, [backupDir], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none', BACKUP_KEEP: '2' });
    expect(unreachable.code).not.toBe(0);
    expect(readdirSync(backupDir).filter((f) => f.includes('partial') || f.includes('-none-'))).toEqual([]);
  });
});
