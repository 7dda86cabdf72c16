import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';

export type Database = NodePgDatabase<Record<string, never>>;

export interface DatabaseHandle {
  pool: pg.Pool;
  db: Database;
}

export interface ConnectOptions {
  max?: number;
  applicationName?: string;
  /** How long a statement of this pool waits for a lock before it fails with lock_not_available. */
  lockTimeoutMs?: number;
}

export function connectDatabase(url: string, options: ConnectOptions = {}): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName,
    lock_timeout: options.lockTimeoutMs,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
  });
  // An idle client that loses its server must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  return { pool, db: drizzle(pool) };
}

export async function pingDatabase(pool: pg.Pool, timeoutMs = 1000): Promise<boolean> {
  try {
    await withTimeout(pool.query('select 1'), timeoutMs);
    return true;
  } catch {
    return false;
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
