/**
 * What a load run runs against: cluster mode on this machine (nginx, 3 auction-engine
 * replicas, auth, leagues, scoring) on a Redis of the run's own and either a private
 * PostgreSQL server the run starts (the command line's choice: nobody else's work on it, WAL
 * counted for this run alone, and `postgres` chaos never touches the machine's shared server)
 * or a fresh database on the machine's PostgreSQL. The bidders connect
 * over loopback, or with `latency` from a network namespace across a delaying link (client-network.ts).
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { startCluster, startRedisServer, type ClusterHandle, type RedisServerHandle } from '@auction/cluster';
import { createTestDatabase, PrivateServer, privateServerRoot, removeServerRoot, TestSmtpServer } from '@auction/testing';
import { LOOPBACK_NETWORK, startLatencyNetwork, type ClientNetwork, type LatencyPlan } from './client-network.js';

export interface LoadEnvironment {
  cluster: ClusterHandle;
  redis: RedisServerHandle;
  smtp: TestSmtpServer;
  secret: string;
  databaseUrl: string;
  /** Where the bidders connect from (loopback, or the latency namespace). */
  clients: ClientNetwork;
  /** nginx as the bidders reach it. */
  clientUrl: string;
  /** Crashes and restarts the private PostgreSQL; null on the shared server. */
  restartPostgres: (() => Promise<void>) | null;
  /** The PostgreSQL server is the run's own (private), not the machine's shared one. */
  ownPostgres: boolean;
  stop(): Promise<void>;
}

export interface EnvironmentOptions {
  /** A private PostgreSQL server (needed for `postgres` chaos). */
  privatePostgres: boolean;
  /** On the shared server: copy this migrated template database (tests pass theirs). */
  templateDatabase?: string;
  engineReplicas?: number;
  /** Bidders connect across a delaying, lossy link from a network namespace (`--chaos latency`). */
  latency?: LatencyPlan | null;
}

export async function startEnvironment(options: EnvironmentOptions): Promise<LoadEnvironment> {
  const cleanups: Array<() => Promise<void>> = [];
  // Interrupted, the run still removes what it made (processes, the private server, the latency namespace).
  const onSignal = (signal: NodeJS.Signals) => void stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    })());
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const clients = options.latency ? await startLatencyNetwork(options.latency) : LOOPBACK_NETWORK;
    cleanups.push(() => clients.stop());
    const database = options.privatePostgres ? await privateDatabase(cleanups) : await sharedDatabase(cleanups, options.templateDatabase);
    const redis = await startRedisServer();
    cleanups.push(() => redis.stop());
    const smtp = new TestSmtpServer();
    const smtpUrl = await smtp.start();
    cleanups.push(() => smtp.stop());
    const secret = randomBytes(48).toString('base64url');
    const cluster = await startCluster({
      replicas: { auth: 1, leagues: 1, 'auction-engine': options.engineReplicas ?? 3, scoring: 1 },
      databaseUrl: database.url,
      redisUrl: redis.url,
      env: {
        RATE_LIMITS: 'off',
        JWT_SECRET: secret,
        LOG_LEVEL: 'warn',
        SMTP_URL: `${smtpUrl}/?pool=true&maxConnections=5`,
        // A profiler or other diagnostics for the services only (`LOAD_NODE_OPTIONS="--require …"`).
        ...(process.env.LOAD_NODE_OPTIONS ? { NODE_OPTIONS: process.env.LOAD_NODE_OPTIONS } : {}),
      },
      readyTimeoutMs: 120_000,
      extraListenHosts: clients.listenHost ? [clients.listenHost] : [],
    });
    cleanups.push(() => cluster.stop());
    const clientUrl = clients.urlFor(Number(new URL(cluster.url).port));
    return {
      cluster,
      redis,
      smtp,
      secret,
      databaseUrl: database.url,
      clients,
      clientUrl,
      restartPostgres: database.restart,
      ownPostgres: options.privatePostgres,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

interface Database {
  url: string;
  restart: (() => Promise<void>) | null;
}

async function sharedDatabase(cleanups: Array<() => Promise<void>>, template?: string): Promise<Database> {
  const database = await createTestDatabase(template);
  cleanups.push(() => database.drop());
  return { url: database.url, restart: null };
}

async function privateDatabase(cleanups: Array<() => Promise<void>>): Promise<Database> {
  const root = privateServerRoot();
  cleanups.push(async () => removeServerRoot(root));
  const dataDir = join(root, 'data');
  // Durable like a production server (the private server's own default is fsync off, for tests).
  let server = await PrivateServer.start({ dataDir, settings: { max_connections: 200, fsync: 'on' } });
  cleanups.push(() => server.stop('immediate'));
  await server.query('create database auction');
  const port = server.port;
  return {
    url: server.url('auction'),
    restart: async () => {
      await server.stop('immediate');
      server = await PrivateServer.start({ dataDir, port });
    },
  };
}
