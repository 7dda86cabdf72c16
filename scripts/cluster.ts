/**
 * `npm run cluster`: cluster mode on this machine. Every service runs as its own processes
 * (auth ×2, leagues ×2, auction-engine ×3, scoring ×2 unless told) on the local PostgreSQL
 * (database `auction_cluster`, or DATABASE_URL) and Redis (REDIS_URL), behind nginx with the
 * ingress routes. Stays in the foreground; Ctrl+C stops everything.
 *
 *   tsx --conditions=@auction/source scripts/cluster.ts [--port 8080] [--replicas auction-engine=4,auth=1] [--access-log] [--dir .cluster]
 *
 * --port: nginx's public port (the internal one is port + 1, replicas from port + 10); 0 picks free ports.
 * --dir: nginx prefix, logs, mail outbox and the kept JWT secret (default .cluster/, git-ignored).
 *
 * Needs the build (`npx tsc -b tsconfig.build.json`) and nginx (`apt-get install -y nginx`).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  DEFAULT_CLUSTER_DATABASE_URL,
  DEFAULT_REDIS_URL,
  SERVICES,
  ensureDatabase,
  startCluster,
  type ClusterHandle,
  type ServiceName,
} from '@auction/cluster';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.CLUSTER_PORT ?? '8080' },
    replicas: { type: 'string', default: process.env.CLUSTER_REPLICAS ?? '' },
    'access-log': { type: 'boolean', default: false },
    dir: { type: 'string', default: process.env.CLUSTER_DIR ?? '' },
  },
});

const basePort = Number(values.port);
if (!Number.isInteger(basePort) || basePort < 0 || basePort > 65_000)
  fail(`--port: expected a port number (0: any free ports), got "${values.port}"`);
const replicas = parseReplicas(values.replicas!);
const workDir = values.dir ? resolve(values.dir) : join(root, '.cluster');
mkdirSync(workDir, { recursive: true });

const databaseUrl = process.env.DATABASE_URL || (await ensureDatabase(DEFAULT_CLUSTER_DATABASE_URL));
const redisUrl = process.env.REDIS_URL || DEFAULT_REDIS_URL;
let stopping = false;
let stopRequestedAt = 0;

process.stdout.write(`Starting cluster mode on ${redact(databaseUrl)} and ${redact(redisUrl)} …\n`);
let cluster: ClusterHandle;
try {
  cluster = await startCluster({
    replicas,
    databaseUrl,
    redisUrl,
    basePort: basePort === 0 ? undefined : basePort,
    workDir,
    accessLog: values['access-log'],
    env: { JWT_SECRET: process.env.JWT_SECRET || keptSecret(workDir) },
    onLine: (replica, line) => process.stdout.write(`[${replica}] ${line}\n`),
    onExit: (replica, status) => {
      if (!stopping) process.stderr.write(`[${replica}] exited (code ${status.code}, signal ${status.signal}); nginx routes around it\n`);
    },
  });
} catch (error) {
  fail((error as Error).message);
}

process.stdout.write(
  [
    '',
    `  Auction platform (cluster mode) is running: open ${cluster.url}`,
    `  Internal routes (service to service): ${cluster.internalUrl}`,
    `  nginx config: ${cluster.nginxConfigFile}`,
    `  Mail outbox (no SMTP_URL): ${join(workDir, 'data', 'outbox')}`,
    '',
    table(cluster),
    '',
    '  Ctrl+C stops everything.',
    '',
  ].join('\n'),
);

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    // One Ctrl+C may arrive twice (from the terminal and relayed by npm): only a later one forces.
    if (stopping && Date.now() - stopRequestedAt < 1000) return;
    if (stopping) {
      process.stderr.write('Stopping at once.\n');
      process.exit(130); // the exit hook kills what is left
    }
    stopping = true;
    stopRequestedAt = Date.now();
    process.stdout.write('\nStopping nginx and every replica …\n');
    cluster.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`stop failed: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  });
}

function parseReplicas(text: string): Partial<Record<ServiceName, number>> {
  const out: Partial<Record<ServiceName, number>> = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, count] = part.split('=');
    if (!SERVICES.includes(name as ServiceName)) fail(`--replicas: unknown service "${name}" (one of ${SERVICES.join(', ')})`);
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1 || n > 32) fail(`--replicas: ${name} needs a count from 1 to 32, got "${count}"`);
    out[name as ServiceName] = n;
  }
  return out;
}

/** Kept in .cluster/ like standalone mode's, so sessions survive a restart of the cluster. */
function keptSecret(dir: string): string {
  const file = join(dir, 'jwt-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

function table(handle: ClusterHandle): string {
  const rows = handle.replicas.map((r) => [r.service, String(r.index), String(r.port), String(r.pid), `http://127.0.0.1:${r.port}`]);
  const head = ['service', 'replica', 'port', 'pid', 'direct URL (probes, /metrics)'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

function fail(message: string): never {
  process.stderr.write(`cluster: ${message}\n`);
  process.exit(1);
}
