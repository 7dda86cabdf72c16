/**
 * The limit beside us, measured in the same run on the same machine: the scenario's bidders,
 * at the same rate, against (a) a bare Socket.IO fan-out behind the same nginx with the
 * same Redis adapter (`load/baseline-server.ts`), (b) the same server deciding each bid with the
 * product's own SQL statements and nothing else, and (c) those statements alone through `pg`
 * at the same concurrency, no sockets at all.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answers, spawnManaged, startNginx, waitUntil, type ManagedProcess } from '@auction/cluster';
import { LEAGUE_LIMITS } from '@auction/contracts';
import { connectDatabase, freePort } from '@auction/db';
import { Api } from '@auction/testing';
import { summarise, type Summary } from '../bench/report.js';
import { bidStatements } from './bid-statements.js';
import { LoadClient, type AckRecord } from './client.js';
import type { LoadEnvironment } from './environment.js';
import { inBatches, mint, setUpAuctions } from './population.js';
import { bidUntil } from './run.js';
import type { AuctionScenario } from './scenarios.js';

export interface BaselineFigures {
  name: string;
  ack: Summary;
  broadcast: Summary;
  answeredPerSecond: number;
  acceptedPerSecond: number;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REPLICAS = 3;

/**
 * Runs after the scenario, at its measured rate: the baseline's lot never closes, so bidders
 * there bid regardless of value, each paced so that all of them together offer the bids per
 * second the scenario answered (a closed loop stays a closed loop).
 */
export async function runBaselines(
  env: LoadEnvironment,
  measured: AuctionScenario,
  answeredPerSecond: number,
  durationMs: number,
  log: (line: string) => void,
): Promise<BaselineFigures[]> {
  const bidders = measured.auctions * measured.biddersPerAuction;
  const meanIntervalMs =
    measured.meanIntervalMs > 0 && answeredPerSecond > 0 ? (bidders / answeredPerSecond) * 1000 : measured.meanIntervalMs;
  const scenario = { ...measured, valuations: false, meanIntervalMs };
  const api = new Api(env.cluster.url);
  log('baseline: setting up its own leagues and auctions…');
  // The longest bid timer there is: at a low bid rate lots would otherwise close unsold, one after another, until none is left.
  const set = await setUpAuctions(api, env.secret, scenario.auctions, scenario.biddersPerAuction, {
    bidTimerSeconds: LEAGUE_LIMITS.bidTimerSeconds.max,
  });
  const people = set.flatMap(({ league, auction }) => league.users.map((user) => ({ user, auctionId: auction.id })));
  // The bare fan-out knows no auctions: rooms of its own, as many and as full.
  const rooms = new Map(set.map(({ auction }) => [auction.id, randomUUID()]));
  const strangers = people.map((p) => ({ user: mint(env.secret, 'baseline'), auctionId: rooms.get(p.auctionId)! }));

  const results: BaselineFigures[] = [];
  log('baseline: bare Socket.IO fan-out…');
  results.push(await socketBaseline('Socket.IO fan-out, no logic', env, scenario, strangers, durationMs, false));
  log('baseline: bare Socket.IO + the bid SQL…');
  results.push(await socketBaseline('Socket.IO + bid SQL, no other logic', env, scenario, people, durationMs, true));
  log('baseline: the bid SQL alone through pg…');
  results.push(await sqlBaseline(env, scenario, people, durationMs));
  return results;
}

async function socketBaseline(
  name: string,
  env: LoadEnvironment,
  scenario: AuctionScenario,
  people: Array<{ user: { id: string; token: string }; auctionId: string }>,
  durationMs: number,
  withSql: boolean,
): Promise<BaselineFigures> {
  const servers: ManagedProcess[] = [];
  const ports: number[] = [];
  let nginx: Awaited<ReturnType<typeof startNginx>> | null = null;
  const clients: LoadClient[] = [];
  try {
    for (let i = 0; i < REPLICAS; i++) {
      const port = await freePort();
      const server = spawnManaged(`baseline#${i}`, process.execPath, ['--import', 'tsx', join(ROOT, 'load/baseline-server.ts')], {
        cwd: ROOT,
        env: {
          ...process.env,
          PORT: String(port),
          REDIS_URL: env.redis.url,
          DATABASE_URL: env.databaseUrl,
          BASELINE_SQL: withSql ? 'on' : 'off',
        },
      });
      servers.push(server);
      ports.push(port);
      await waitUntil(() => answers(`http://127.0.0.1:${port}/health/ready`), {
        timeoutMs: 60_000,
        process: server,
        what: `baseline#${i}`,
      });
    }
    const listenPort = await freePort();
    const prefix = join(env.cluster.workDir, `baseline-nginx-${withSql ? 'sql' : 'bare'}`);
    mkdirSync(prefix, { recursive: true });
    const nowhere = ['127.0.0.1:9'];
    nginx = await startNginx({
      upstreams: { auth: nowhere, leagues: nowhere, scoring: nowhere, 'auction-engine': ports.map((p) => `127.0.0.1:${p}`) },
      listenPort,
      // The bidders reach it as they reach the product (across the latency link in latency runs).
      extraListenHosts: env.clients.listenHost ? [env.clients.listenHost] : [],
      webRoot: prefix,
      prefix,
      user: process.getuid?.() === 0 ? 'root' : undefined,
    });
    const url = env.clients.urlFor(listenPort);
    let startedAt = performance.now();
    const now = () => Math.round(performance.now() - startedAt);
    const deliveries: number[] = [];
    clients.push(
      ...people.map(
        (p, i) =>
          new LoadClient({
            url,
            user: p.user,
            auctionId: p.auctionId,
            localAddress: env.clients.sourceAddress(i),
            agent: env.clients.agent,
            now,
            checkSeq: withSql,
            onDelivery: (ms) => deliveries.push(ms),
          }),
      ),
    );
    await inBatches(clients, 100, (client) => client.connect().catch(() => undefined));
    startedAt = performance.now();
    const acks: AckRecord[] = [];
    await Promise.all(clients.filter((c) => c.connected).map((c) => bidUntil(c, scenario, durationMs, now, (ack) => acks.push(ack))));
    return figures(
      name,
      acks.map((a) => ({ ms: a.ms, accepted: a.accepted !== null })),
      deliveries,
      durationMs,
    );
  } finally {
    for (const client of clients) client.close();
    await nginx?.stop();
    await Promise.all(servers.map((s) => s.stop('SIGTERM', 5000)));
  }
}

/** The bid's two statements (peek, then acceptIfUnchanged when above the high bid), one worker per bidder. */
async function sqlBaseline(
  env: LoadEnvironment,
  scenario: AuctionScenario,
  people: Array<{ user: { id: string }; auctionId: string }>,
  durationMs: number,
): Promise<BaselineFigures> {
  const database = connectDatabase(env.databaseUrl, { max: 10 * REPLICAS, applicationName: 'baseline-sql' });
  const bids = await bidStatements(database);
  const lots = new Map<string, string>();
  for (const auctionId of new Set(people.map((p) => p.auctionId))) {
    const row = (await database.pool.query("select id from auction.lots where auction_id = $1 and status = 'open'", [auctionId])).rows[0];
    if (row) lots.set(auctionId, row.id);
  }
  const samples: Array<{ ms: number; accepted: boolean }> = [];
  const started = performance.now();
  try {
    await Promise.all(
      people.map(async ({ user, auctionId }) => {
        const lotId = lots.get(auctionId);
        if (!lotId) return;
        const pause = () =>
          new Promise((r) => setTimeout(r, scenario.meanIntervalMs > 0 ? -Math.log(1 - Math.random()) * scenario.meanIntervalMs : 0));
        await new Promise((r) => setTimeout(r, Math.random() * scenario.meanIntervalMs));
        while (performance.now() - started < durationMs) {
          const t0 = performance.now();
          const key = { auctionId, lotId, bidderId: user.id, clientBidId: randomUUID() };
          const seen = await bids.peek(key);
          const amount = (seen.lot?.highBid ?? 0) + 1 + Math.floor(Math.random() * 3);
          const serverTime = new Date();
          const accepted = seen.auction
            ? await bids.acceptIfUnchanged(key, seen.auction.seq, { amount, serverTime, endsAt: new Date(serverTime.getTime() + 8000) })
            : null;
          samples.push({ ms: performance.now() - t0, accepted: accepted !== null });
          await pause();
        }
      }),
    );
  } finally {
    await database.pool.end();
  }
  return figures('bid SQL alone through pg', samples, [], durationMs);
}

function figures(
  name: string,
  answers: Array<{ ms: number; accepted: boolean }>,
  deliveries: number[],
  durationMs: number,
): BaselineFigures {
  const seconds = durationMs / 1000;
  return {
    name,
    ack: summarise(answers.map((a) => a.ms)),
    broadcast: summarise(deliveries),
    answeredPerSecond: Math.round((answers.length / seconds) * 10) / 10,
    acceptedPerSecond: Math.round((answers.filter((a) => a.accepted).length / seconds) * 10) / 10,
  };
}
