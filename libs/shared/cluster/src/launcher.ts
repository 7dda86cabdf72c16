import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDatabase } from './database.js';
import { startNginx, writeWebRuntime, type RunningNginx } from './nginx-process.js';
import { freePort } from '@auction/db';
import { answers, runToCompletion, spawnManaged, waitUntil, type ExitStatus, type ManagedProcess } from './processes.js';
import { SERVICES, SERVICE_URL_ENV, type ServiceName } from './routes.js';

export const DEFAULT_REPLICAS: Readonly<Record<ServiceName, number>> = { auth: 2, leagues: 2, 'auction-engine': 3, scoring: 2 };
export const DEFAULT_CLUSTER_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/auction_cluster';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** The repository root (this file is `libs/shared/cluster/{src,dist}/launcher.*`). */
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export interface ClusterOptions {
  /** Replicas per service; defaults auth 2, leagues 2, auction-engine 3, scoring 2. */
  replicas?: Partial<Record<ServiceName, number>>;
  /** Defaults to `DATABASE_URL`, else `auction_cluster` on the local PostgreSQL (created when missing). */
  databaseUrl?: string;
  /** Defaults to `REDIS_URL`, else the local Redis. */
  redisUrl?: string;
  /** Extra environment for every replica (`JWT_SECRET`, `SMTP_URL`, `RATE_LIMITS`, `LOG_LEVEL`, ...). */
  env?: Record<string, string>;
  /** Fixed ports: public nginx on `basePort`, internal on `basePort + 1`, replicas from `basePort + 10`. Free ports otherwise. */
  basePort?: number;
  /** nginx prefix, mail outbox and logs; a temporary folder (removed by `stop()`) unless given. */
  workDir?: string;
  /** Where `apps/` lives; the repository root by default. */
  rootDir?: string;
  /**
   * Replicas that run another build, by service and index: `{ 'auction-engine': { 0: dir } }` runs
   * auction-engine#0 as `node <dir>/apps/auction-engine/dist/main.js` (e.g. a `buildRelease()`
   * folder), with the same environment; a restart keeps its build. Migrations run from `rootDir`.
   */
  replicaRootDirs?: Partial<Record<ServiceName, Record<number, string>>>;
  /** The built web client; `apps/web/dist`, or a placeholder page when it is not built. */
  webRoot?: string;
  /** Address of the public listener (`127.0.0.1`). */
  listenHost?: string;
  /** More addresses nginx's public listener answers on (see `NginxConfigOptions`). */
  extraListenHosts?: string[];
  /** JSON access log in `<workDir>/nginx/logs/access.log`. */
  accessLog?: boolean;
  /** Run `apps/standalone/dist/migrate.js` first (default true). */
  migrate?: boolean;
  /** Per process: how long to wait for readiness (default 60 s). */
  readyTimeoutMs?: number;
  /** Every output line of every replica, e.g. to print warnings. */
  onLine?: (replica: string, line: string) => void;
  /** Called whenever a replica process exits (also when `kill`, `restart` or `stop` ended it). */
  onExit?: (replica: string, status: ExitStatus) => void;
}

export interface ReplicaInfo {
  service: ServiceName;
  index: number;
  port: number;
  pid: number;
  running: boolean;
  /** The build it runs from. */
  rootDir: string;
}

export interface ClusterHandle {
  /** The public entry (nginx): the ingress routes and the web client. */
  url: string;
  /** The service-to-service entry (`/internal/<service>/...`); what AUTH_URL etc. point at. */
  internalUrl: string;
  databaseUrl: string;
  redisUrl: string;
  workDir: string;
  nginxConfigFile: string;
  /** A snapshot of every replica, in start order. */
  readonly replicas: ReplicaInfo[];
  /** Output kept from a replica (the last 64 KB), or nginx's with `'nginx'`. */
  logs(service: ServiceName | 'nginx', index?: number): string;
  /** Kills a replica (SIGKILL unless told) and waits until it is gone. */
  kill(service: ServiceName, index: number, signal?: NodeJS.Signals): Promise<void>;
  /** Stops a replica if it runs and starts it again on the same port; resolves when it is ready. */
  restart(service: ServiceName, index: number): Promise<ReplicaInfo>;
  /** Stops nginx and every replica; idempotent. */
  stop(): Promise<void>;
}

interface Replica {
  service: ServiceName;
  index: number;
  rootDir: string;
  port: number;
  process: ManagedProcess | null;
}

/**
 * Cluster mode on this machine: migrates the database, starts every replica of every service as
 * its own `node apps/<svc>/dist/main.js`, then nginx in front with the ingress routes. Needs the
 * build (`npx tsc -b tsconfig.build.json`), PostgreSQL, Redis and nginx.
 */
export async function startCluster(options: ClusterOptions = {}): Promise<ClusterHandle> {
  const rootDir = options.rootDir ?? REPO_ROOT;
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  const counts = { ...DEFAULT_REPLICAS, ...options.replicas };
  for (const service of SERVICES) {
    if (!Number.isInteger(counts[service]) || counts[service] < 1)
      throw new Error(`startCluster: replicas of ${service} must be a whole number ≥ 1`);
    const beyond = Object.keys(options.replicaRootDirs?.[service] ?? {}).filter((index) => !(Number(index) < counts[service]));
    if (beyond.length > 0)
      throw new Error(`startCluster: replicaRootDirs names ${service}#${beyond.join(', #')}, beyond its ${counts[service]} replicas`);
  }
  const replicas: Replica[] = SERVICES.flatMap((service) =>
    Array.from({ length: counts[service] }, (_, index) => ({
      service,
      index,
      rootDir: options.replicaRootDirs?.[service]?.[index] ?? rootDir,
      port: 0,
      process: null,
    })),
  );
  for (const entry of new Set(replicas.map((r) => mainOf(r.rootDir, r.service)))) {
    if (!existsSync(entry)) throw new Error(`startCluster: ${entry} is missing; build first: npx tsc -b tsconfig.build.json`);
  }

  const ownWorkDir = !options.workDir;
  const workDir = options.workDir ?? mkdtempSync(join(tmpdir(), 'auction-cluster-'));
  mkdirSync(workDir, { recursive: true });
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL ?? (await ensureDatabase(DEFAULT_CLUSTER_DATABASE_URL));
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL ?? DEFAULT_REDIS_URL;

  const ports = await allocatePorts(
    options.basePort,
    SERVICES.reduce((n, s) => n + counts[s], 0),
  );
  const url = `http://${displayHost(options.listenHost)}:${ports.public}`;
  const internalUrl = `http://127.0.0.1:${ports.internal}`;
  replicas.forEach((r, i) => (r.port = ports.replicas[i]!));

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    DATA_DIR: join(workDir, 'data'),
    ...options.env,
    JWT_SECRET: options.env?.JWT_SECRET ?? randomBytes(48).toString('base64url'),
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    ...Object.fromEntries(SERVICES.map((s) => [SERVICE_URL_ENV[s], internalUrl])),
  };

  let nginx: RunningNginx | null = null;
  let stopped = false;
  const label = (r: Replica) => `${r.service}#${r.index}`;

  const launch = async (replica: Replica): Promise<void> => {
    const proc = spawnManaged(label(replica), process.execPath, [mainOf(replica.rootDir, replica.service)], {
      env: { ...env, PORT: String(replica.port) },
      cwd: replica.rootDir,
      onLine: options.onLine && ((line) => options.onLine!(label(replica), line)),
    });
    replica.process = proc;
    if (options.onExit) void proc.exited.then((status) => options.onExit!(label(replica), status));
    await waitUntil(() => answers(`http://127.0.0.1:${replica.port}/health/ready`), {
      timeoutMs: readyTimeoutMs,
      process: proc,
      what: `${label(replica)} ready on port ${replica.port}`,
    });
  };

  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await nginx?.stop();
    await Promise.all(replicas.map((r) => r.process?.stop('SIGTERM', 10_000)));
    if (ownWorkDir) rmSync(workDir, { recursive: true, force: true });
  };

  try {
    if (options.migrate ?? true) {
      const migrate = await runToCompletion('migrate', process.execPath, [join(rootDir, 'apps/standalone/dist/migrate.js')], {
        env,
        cwd: rootDir,
        timeoutMs: readyTimeoutMs,
      });
      if (migrate.code !== 0) throw new Error(`migrations failed (exit ${migrate.code}):\n${migrate.output.slice(-4000)}`);
    }
    await Promise.all(replicas.map(launch));
    const prefix = join(workDir, 'nginx');
    // As the web image does: /config.json and the CSP's Sentry origin from SENTRY_DSN.
    const runtimeDir = join(prefix, 'runtime');
    await writeWebRuntime(runtimeDir, env);
    nginx = await startNginx({
      runtimeDir,
      upstreams: Object.fromEntries(
        SERVICES.map((s) => [s, replicas.filter((r) => r.service === s).map((r) => `127.0.0.1:${r.port}`)]),
      ) as Record<ServiceName, string[]>,
      listenPort: ports.public,
      listenHost: options.listenHost,
      extraListenHosts: options.extraListenHosts,
      internalPort: ports.internal,
      webRoot: webRootFor(rootDir, workDir, options.webRoot),
      prefix,
      accessLog: options.accessLog,
      // Workers of a root master would run as `nobody`, which cannot use a private temp folder.
      user: process.getuid?.() === 0 ? 'root' : undefined,
    });
    await waitUntil(() => answers(`${url}/api/health`), { timeoutMs: readyTimeoutMs, process: nginx.process, what: `${url}/api/health` });
  } catch (error) {
    await stop();
    throw error;
  }

  const find = (service: ServiceName, index: number): Replica => {
    const replica = replicas.find((r) => r.service === service && r.index === index);
    if (!replica) throw new Error(`no replica ${service}#${index} (this cluster has ${counts[service]})`);
    return replica;
  };
  const info = (r: Replica): ReplicaInfo => ({
    service: r.service,
    index: r.index,
    port: r.port,
    pid: r.process?.pid ?? -1,
    running: r.process?.running() ?? false,
    rootDir: r.rootDir,
  });

  return {
    url,
    internalUrl,
    databaseUrl,
    redisUrl,
    workDir,
    nginxConfigFile: nginx!.configFile,
    get replicas() {
      return replicas.map(info);
    },
    logs: (service, index = 0) => (service === 'nginx' ? (nginx?.process.output() ?? '') : (find(service, index).process?.output() ?? '')),
    kill: async (service, index, signal = 'SIGKILL') => {
      await find(service, index).process?.stop(signal, 10_000);
    },
    restart: async (service, index) => {
      const replica = find(service, index);
      await replica.process?.stop('SIGTERM', 10_000);
      await launch(replica);
      return info(replica);
    },
    stop,
  };
}

function mainOf(rootDir: string, service: ServiceName): string {
  return join(rootDir, 'apps', service, 'dist', 'main.js');
}

async function allocatePorts(basePort: number | undefined, replicaCount: number) {
  if (basePort !== undefined) {
    return { public: basePort, internal: basePort + 1, replicas: Array.from({ length: replicaCount }, (_, i) => basePort + 10 + i) };
  }
  const all = new Set<number>();
  while (all.size < replicaCount + 2) all.add(await freePort());
  const [publicPort, internal, ...rest] = [...all];
  return { public: publicPort!, internal: internal!, replicas: rest };
}

function displayHost(listenHost: string | undefined): string {
  return !listenHost || listenHost === '0.0.0.0' ? '127.0.0.1' : listenHost;
}

function webRootFor(rootDir: string, workDir: string, webRoot: string | undefined): string {
  if (webRoot) return webRoot;
  const built = join(rootDir, 'apps', 'web', 'dist');
  if (existsSync(join(built, 'index.html'))) return built;
  const placeholder = join(workDir, 'web');
  mkdirSync(placeholder, { recursive: true });
  writeFileSync(
    join(placeholder, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>Auction platform</title></head>' +
      '<body><p>The web client is not built (apps/web/dist). The API is served under /api.</p></body></html>\n',
  );
  return placeholder;
}
