/**
 * The limit beside us, measured in the same run on the same machine: the scenario's bidders,
 * at the same rate, against (a) a bare Socket.IO fan-out behind the same nginx with the
 * same Redis adapter (`load/baseline-server.ts`), (b) the same server deciding each bid with the
 * product's own SQL statements and nothing else, and (c) those statements alone through `pg`
 * at the same concurrency, no sockets at all. Paced at the same rate, (a)–(c) never see a lot's
 * opening, when every bidder bids at once; (d) is (b) offered each bidder's bids at the moments
 * they were sent in the run, bursts and all.
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
import { costsBetween, readCosts, type CostTarget } from './costs.js';
import { bidStatements } from './bid-statements.js';
import { LoadClient, type AckRecord } from './client.js';
import type { LoadEnvironment } from './environment.js';
import { inBatches, mint, setUpAuctions } from './population.js';
import { bidAtTimes, bidUntil, measuredTimeStarts, type RunResult } from './run.js';
import { biddingNow, WARM_UP_MS, type AuctionScenario } from './scenarios.js';
import { steppedFiguresOf, type Answer, type SteppedFigures } from './steps.js';

export interface BaselineFigures {
  name: string;
  ack: Summary;
  broadcast: Summary;
  answeredPerSecond: number;
  acceptedPerSecond: number;
  /** Stepped closed loops: the same steps as the scenario's. */
  stepped: SteppedFigures | null;
  /** CPU ms per answered bid of the baseline's servers (none for the SQL alone) and of PostgreSQL's backends. */
  cpuMsPerAnsweredBid: { server: number | null; postgres: number };
}

/** A baseline runs as long as the scenario, at most 30 s, or 5 s a step for a stepped closed loop. */
export function baselineDurationMs(scenario: AuctionScenario, durationMs: number): number {
  return Math.min(durationMs, scenario.steps ? 5000 * scenario.steps.length : 30_000);
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
  sendTimes: SendTimes,
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
  const people = set.flatMap(({ league, auction }) => league.users.map((user, index) => ({ user, auctionId: auction.id, index })));
  // The bare fan-out knows no auctions: rooms of its own, as many and as full.
  const rooms = new Map(set.map(({ auction }) => [auction.id, randomUUID()]));
  const strangers = people.map((p) => ({ ...p, user: mint(env.secret, 'baseline'), auctionId: rooms.get(p.auctionId)! }));

  const results: BaselineFigures[] = [];
  log('baseline: bare Socket.IO fan-out…');
  results.push(await socketBaseline('Socket.IO fan-out, no logic', env, scenario, strangers, durationMs, false));
  log('baseline: bare Socket.IO + the bid SQL…');
  results.push(await socketBaseline('Socket.IO + bid SQL, no other logic', env, scenario, people, durationMs, true));
  log('baseline: the bid SQL alone through pg…');
  results.push(await sqlBaseline(env, scenario, people, durationMs));
  // A closed loop's bidders bid as soon as answered: the moments of the run are the product's answers, not its load.
  if (measured.meanIntervalMs > 0) {
    log("baseline: bare Socket.IO + the bid SQL at the run's own moments…");
    const replayed = set.flatMap(({ league, auction }, a) =>
      league.users.map((user, index) => ({ user, auctionId: auction.id, index, sendTimes: sendTimes[a]?.[index] ?? [] })),
    );
    results.push(await socketBaseline("Socket.IO + bid SQL, the run's own send times", env, scenario, replayed, durationMs, true));
  }
  return results;
}

/** Each auction's bidders' send times (the run's clock, the warm-up negative), in the order of the run's clients: [auction][bidder]. */
export type SendTimes = number[][][];

/** When each of the run's bidders sent each bid, whichever auction it was in (a long run moves them to the next). */
export function sendTimesOf(result: Pick<RunResult, 'acks' | 'clientViews'>): SendTimes {
  const byBidder = new Map<string, number[]>();
  for (const ack of result.acks) {
    if (ack.kind !== 'bid') continue;
    const times = byBidder.get(ack.bidderId) ?? [];
    times.push(ack.at);
    byBidder.set(ack.bidderId, times);
  }
  const auctions = new Map<string, number[][]>();
  for (const { userId, auctionId } of result.clientViews) {
    const bidders = auctions.get(auctionId) ?? [];
    bidders.push((byBidder.get(userId) ?? []).sort((x, y) => x - y));
    auctions.set(auctionId, bidders);
  }
  return [...auctions.values()];
}

async function socketBaseline(
  name: string,
  env: LoadEnvironment,
  scenario: AuctionScenario,
  people: Person[],
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
            onDelivery: (ms) => {
              if (now() >= 0) deliveries.push(ms);
            },
          }),
      ),
    );
    await inBatches(clients, 100, (client) => client.connect().catch(() => undefined));
    const target: CostTarget = {
      databaseUrl: env.databaseUrl,
      redisUrl: env.redis.url,
      ownPostgres: env.ownPostgres,
      serverPids: () => servers.map((s) => s.pid),
    };
    // Warmed up as the product is (WARM_UP_MS), and measured from then on.
    startedAt = performance.now() + WARM_UP_MS;
    const acks: AckRecord[] = [];
    const record = (ack: AckRecord) => acks.push(ack);
    const bidding = Promise.all(
      clients.map((c, i) => {
        if (!c.connected) return null;
        const { index, sendTimes } = people[i]!;
        return sendTimes ? bidAtTimes(c, sendTimes, durationMs, now, record) : bidUntil(c, scenario, durationMs, now, record, { index });
      }),
    );
    await measuredTimeStarts(now);
    const before = await readCosts(target);
    await bidding;
    const costs = costsBetween(before, await readCosts(target));
    return figures(
      name,
      scenario,
      acks.filter((a) => a.at >= 0).map((a) => ({ at: a.at, ms: a.ms, accepted: a.accepted !== null })),
      deliveries,
      durationMs,
      { server: costs.engineCpuMs, postgres: costs.postgresCpuMs },
    );
  } finally {
    for (const client of clients) client.close();
    await nginx?.stop();
    await Promise.all(servers.map((s) => s.stop('SIGTERM', 5000)));
  }
}

/** The bid's statements (bid-statements.ts), one worker per bidder, each bidding above the last accepted bid it knows of. */
async function sqlBaseline(
  env: LoadEnvironment,
  scenario: AuctionScenario,
  people: Person[],
  durationMs: number,
): Promise<BaselineFigures> {
  const database = connectDatabase(env.databaseUrl, { max: 10 * REPLICAS, applicationName: 'baseline-sql' });
  const bids = await bidStatements(database);
  const lots = new Map<string, string>();
  /** The high bid each worker last saw accepted, as a bidder knows it from the room's events. */
  const highBids = new Map<string, number>();
  for (const auctionId of new Set(people.map((p) => p.auctionId))) {
    const query = "select id, coalesce(high_bid, 0) as high_bid from auction.lots where auction_id = $1 and status = 'open'";
    const row = (await database.pool.query<{ id: string; high_bid: number }>(query, [auctionId])).rows[0];
    if (row) {
      lots.set(auctionId, row.id);
      highBids.set(auctionId, row.high_bid);
    }
  }
  const samples: Answer[] = [];
  const target: CostTarget = { databaseUrl: env.databaseUrl, redisUrl: env.redis.url, ownPostgres: env.ownPostgres, serverPids: () => [] };
  const started = performance.now() + WARM_UP_MS;
  try {
    const bidding = Promise.all(
      people.map(async ({ user, auctionId, index }) => {
        const lotId = lots.get(auctionId);
        if (!lotId) return;
        const pause = () =>
          new Promise((r) => setTimeout(r, scenario.meanIntervalMs > 0 ? -Math.log(1 - Math.random()) * scenario.meanIntervalMs : 0));
        await new Promise((r) => setTimeout(r, Math.random() * scenario.meanIntervalMs));
        while (performance.now() - started < durationMs) {
          if (!biddingNow(scenario, index, performance.now() - started, durationMs)) {
            await new Promise((r) => setTimeout(r, 50));
            continue;
          }
          const t0 = performance.now();
          const key = { auctionId, lotId, bidderId: user.id, clientBidId: randomUUID() };
          const answer = await bids.decide(key, (highBids.get(auctionId) ?? 0) + 1 + Math.floor(Math.random() * 3));
          if (answer.accepted) highBids.set(auctionId, Math.max(highBids.get(auctionId) ?? 0, answer.accepted.amount));
          const accepted = answer.accepted;
          if (t0 >= started) samples.push({ at: t0 - started, ms: performance.now() - t0, accepted: accepted !== null });
          await pause();
        }
      }),
    );
    await measuredTimeStarts(() => performance.now() - started);
    const before = await readCosts(target);
    await bidding;
    const costs = costsBetween(before, await readCosts(target));
    return figures('bid SQL alone through pg', scenario, samples, [], durationMs, { server: null, postgres: costs.postgresCpuMs });
  } finally {
    await database.pool.end();
  }
}

function figures(
  name: string,
  scenario: AuctionScenario,
  answers: Answer[],
  deliveries: number[],
  durationMs: number,
  cpuMs: { server: number | null; postgres: number },
): BaselineFigures {
  const seconds = durationMs / 1000;
  const perBid = (ms: number) => (answers.length > 0 ? Number((ms / answers.length).toFixed(3)) : NaN);
  return {
    name,
    ack: summarise(answers.map((a) => a.ms)),
    broadcast: summarise(deliveries),
    answeredPerSecond: Math.round((answers.length / seconds) * 10) / 10,
    acceptedPerSecond: Math.round((answers.filter((a) => a.accepted).length / seconds) * 10) / 10,
    stepped: steppedFiguresOf(scenario, answers, durationMs),
    cpuMsPerAnsweredBid: { server: cpuMs.server === null ? null : perBid(cpuMs.server), postgres: perBid(cpuMs.postgres) },
  };
}

/** One of the baseline's bidders: who, in which auction, and their place in it (for the steps of a closed loop). */
interface Person {
  user: { id: string; token: string };
  auctionId: string;
  index: number;
  /** When this bidder bids (`bidAtTimes`) instead of at the scenario's pace. */
  sendTimes?: readonly number[];
}
