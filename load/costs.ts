/**
 * What the bidding cost, for the capacity model (docs/capacity.md): CPU time of the
 * auction-engine replicas and of the PostgreSQL backends serving the run's database (from
 * /proc), PostgreSQL commits and WAL bytes, and Redis commands, read before and after.
 * WAL is counted server-wide: on the private server of a command-line run, that is the run alone.
 * So, on that server, is the CPU of backends that ended during the run (a pool closes idle
 * connections; in a long run most of its backends come and go): the server's main process
 * gathers it from each child it reaps.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { ClusterHandle } from '@auction/cluster';
import { createRedisClient } from '@auction/db';

/** Kernel clock ticks per second (USER_HZ; 100 on Linux). */
const TICKS_PER_SECOND = 100;

export interface CostReading {
  /** CPU ms per process id. */
  engineCpuMs: Map<number, number>;
  postgresCpuMs: Map<number, number>;
  /** CPU ms of the server's backends that have ended (its reaped children), on the run's own server; null on a shared one. */
  postgresEndedCpuMs: number | null;
  commits: number;
  walBytes: bigint;
  redisCommands: number;
}

export interface Costs {
  engineCpuMs: number;
  postgresCpuMs: number;
  commits: number;
  walBytes: number;
  redisCommands: number;
}

/** Fields of /proc/<pid>/stat after the command name, or null once the process is gone. */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

const ticksToMs = (...ticks: Array<string | undefined>) => (ticks.reduce((sum, t) => sum + Number(t), 0) * 1000) / TICKS_PER_SECOND;

/** utime + stime. */
function cpuMs(pid: number): number | null {
  const fields = statFields(pid);
  return fields && ticksToMs(fields[11], fields[12]);
}

/** cutime + cstime of a backend's parent, the server's main process: the CPU of every child it has reaped. */
function endedChildrenCpuMs(backendPid: number | undefined): number | null {
  const parent = backendPid === undefined ? null : statFields(backendPid)?.[1];
  const fields = parent ? statFields(Number(parent)) : null;
  return fields && ticksToMs(fields[13], fields[14]);
}

function cpuOf(pids: number[]): Map<number, number> {
  const found = new Map<number, number>();
  for (const pid of pids) {
    const ms = cpuMs(pid);
    if (ms !== null) found.set(pid, ms);
  }
  return found;
}

/** What a reading covers: the servers deciding bids (the engine replicas, or a baseline's), their database and Redis. */
export interface CostTarget {
  databaseUrl: string;
  redisUrl: string;
  /** The PostgreSQL server is the run's alone: every backend that ends on it is the run's. */
  ownPostgres: boolean;
  serverPids(): number[];
}

export function engineOf(cluster: ClusterHandle, ownPostgres: boolean): CostTarget {
  return {
    databaseUrl: cluster.databaseUrl,
    redisUrl: cluster.redisUrl,
    ownPostgres,
    serverPids: () => cluster.replicas.filter((r) => r.service === 'auction-engine' && r.running).map((r) => r.pid),
  };
}

export async function readCosts(target: CostTarget): Promise<CostReading> {
  const client = new pg.Client({ connectionString: target.databaseUrl });
  client.on('error', () => undefined); // a dropped connection fails the query, not the process
  await client.connect();
  const redis = createRedisClient(target.redisUrl, 'load-costs');
  try {
    const backends = await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database()');
    const stats = await client.query<{ commits: string; lsn: string }>(
      "select xact_commit::text as commits, pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::text as lsn from pg_stat_database where datname = current_database()",
    );
    const info = await redis.info('stats');
    const backendPids = backends.rows.map((r) => r.pid);
    return {
      engineCpuMs: cpuOf(target.serverPids()),
      postgresCpuMs: cpuOf(backendPids),
      postgresEndedCpuMs: target.ownPostgres ? endedChildrenCpuMs(backendPids[0]) : null,
      commits: Number(stats.rows[0]!.commits),
      walBytes: BigInt(stats.rows[0]!.lsn.split('.')[0]!),
      redisCommands: Number(/total_commands_processed:(\d+)/.exec(info)?.[1] ?? 0),
    };
  } finally {
    await client.end();
    redis.disconnect();
  }
}

/**
 * CPU used between two readings by the processes alive at the second: all of it for one started
 * since (a backend a pool opened on demand); a process that died took its share with it.
 */
function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return Math.round(total);
}

/**
 * PostgreSQL's backends: those alive at the second reading as above, and, on the run's own server,
 * those that ended in between: their whole CPU (the reaped children's total grew by it) less what
 * they had used before the first reading.
 */
function postgresCpuBetween(before: CostReading, after: CostReading): number {
  const alive = cpuBetween(before.postgresCpuMs, after.postgresCpuMs);
  if (before.postgresEndedCpuMs === null || after.postgresEndedCpuMs === null) return alive;
  let endedBefore = 0;
  for (const [pid, ms] of before.postgresCpuMs) if (!after.postgresCpuMs.has(pid)) endedBefore += ms;
  return alive + Math.round(after.postgresEndedCpuMs - before.postgresEndedCpuMs - endedBefore);
}

export function costsBetween(before: CostReading, after: CostReading): Costs {
  return {
    engineCpuMs: cpuBetween(before.engineCpuMs, after.engineCpuMs),
    postgresCpuMs: postgresCpuBetween(before, after),
    commits: after.commits - before.commits,
    walBytes: Number(after.walBytes - before.walBytes),
    redisCommands: after.redisCommands - before.redisCommands,
  };
}
