import { execFile } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '@auction/db';

/** The machine's PostgreSQL binaries (Debian: /usr/lib/postgresql/<major>/bin), newest first. */
export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((d) => /^\d+$/.test(d))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const found = majors.map((m) => join(root, m, 'bin')).find((dir) => existsSync(join(dir, 'initdb')));
  if (!found) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)');
  return found;
}

/** PostgreSQL refuses to run as root: as root, its tools run as the `postgres` user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const passwd = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((line) => line.startsWith('postgres:'));
  if (!passwd) throw new Error('running as root needs a `postgres` user to run PostgreSQL as');
  const [, , uid, gid] = passwd.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

/** Runs a PostgreSQL tool (as `postgres` when we are root); rejects with its output. */
export function pgTool(tool: string, args: string[], timeoutMs = 60_000): Promise<RunResult> {
  const user = runAs();
  return new Promise((resolve, reject) => {
    execFile(
      join(postgresBinDir(), tool),
      args,
      { timeout: timeoutMs, ...(user ?? {}), env: { ...process.env, LC_ALL: 'C' } },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${tool} ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`));
        else resolve({ stdout, stderr });
      },
    );
  });
}

/** A folder the PostgreSQL tools may write to (owned by `postgres` when we are root). */
export function ownedDir(path: string): string {
  mkdirSync(path, { recursive: true });
  const user = runAs();
  if (user) chownSync(path, user.uid, user.gid);
  return path;
}

export interface PrivateServerOptions {
  /** Data directory: created by `initdb` unless it already holds a cluster (a restored base backup). */
  dataDir: string;
  /** Lines appended to postgresql.conf before start (archiving, recovery targets, …). */
  settings?: Record<string, string | number>;
  port?: number;
}

/** A PostgreSQL server of our own: its own data directory and port, 127.0.0.1 only, trust auth. */
export class PrivateServer {
  private constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  static async start(options: PrivateServerOptions): Promise<PrivateServer> {
    const port = options.port ?? (await freePort());
    if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
      ownedDir(options.dataDir);
      await pgTool('initdb', ['-D', options.dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
    }
    const settings: Record<string, string | number> = {
      listen_addresses: `'127.0.0.1'`,
      port,
      unix_socket_directories: `''`,
      fsync: 'off',
      ...options.settings,
    };
    appendFileSync(
      join(options.dataDir, 'postgresql.conf'),
      `\n# private server settings\n${Object.entries(settings)
        .map(([k, v]) => `${k} = ${v}`)
        .join('\n')}\n`,
    );
    const server = new PrivateServer(options.dataDir, port);
    await pgTool('pg_ctl', ['-D', options.dataDir, '-l', server.logFile, '-w', '-t', '60', 'start']);
    return server;
  }

  get logFile(): string {
    return join(this.dataDir, '..', `${this.dataDir.split('/').at(-1)}.log`);
  }

  log(): string {
    return existsSync(this.logFile) ? readFileSync(this.logFile, 'utf8') : '';
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async query<T = any>(sql: string, params: unknown[] = [], database = 'postgres'): Promise<T[]> {
    const client = new pg.Client({ connectionString: this.url(database) });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  /** `fast` shuts down cleanly; `immediate` is a crash (no checkpoint). */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    if (!existsSync(join(this.dataDir, 'postmaster.pid'))) return;
    await pgTool('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', 'stop']);
  }
}

/** A temporary folder for private servers (data, archive, backups), removed by the caller. */
export function privateServerRoot(): string {
  return ownedDir(mkdtempSync(join(tmpdir(), 'auction-pitr-')));
}

export function removeServerRoot(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** Writes `recovery.signal` so the server, at start, replays archived WAL up to its target. */
export function requestRecovery(dataDir: string): void {
  writeFileSync(join(dataDir, 'recovery.signal'), '');
  const user = runAs();
  if (user) chownSync(join(dataDir, 'recovery.signal'), user.uid, user.gid);
}
