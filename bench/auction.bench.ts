/**
 * bench:auction — the live auction through nginx to the cluster (3 auction-engine replicas,
 * leagues, auth and scoring processes) on the machine's PostgreSQL and a Redis of its own:
 * (a) 150 bidders in one auction bidding hard; (b) 20 auctions × 50 bidders = 1,000 sockets.
 * Users are minted with the cluster's JWT secret; leagues are created and joined through the
 * HTTP API. Sockets come from 127.<n>.<m>.1 source addresses so nginx's ip_hash spreads them
 * over the replicas. Afterwards every acknowledged bid is looked up in the database and every
 * auction is checked against the invariants.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
// The cluster launcher is not part of the production build; tsx runs its sources.
import { startCluster, startRedisServer, type ClusterHandle } from '@auction/cluster';
import { checkAuctionInvariants } from '@auction/auction-domain';
import { signAccessToken } from '@auction/auth-guard';
import type { AcceptedBid, AuctionSnapshot, ErrorBody } from '@auction/contracts';
import { Api, createTestDatabase } from '@auction/testing';
import { readAuctionState } from '../test/integration/auction/support/auction-state.js';
import { connectSocket, type ClientSocket } from '../test/integration/auction/support/sockets.js';
import { machine, summarise, writeSection, type Summary } from './report.js';

const SECRET = randomBytes(48).toString('base64url');
const EXPECTED_REFUSALS = new Set(['BID_TOO_LOW', 'LOT_CLOSED', 'BUDGET_EXCEEDED', 'ROSTER_FULL', 'AUCTION_COMPLETED']);

interface Scenario {
  name: string;
  auctions: number;
  biddersPerAuction: number;
  durationMs: number;
  /** Mean pause between one bidder's bids (exponential), after its previous answer. */
  meanIntervalMs: number;
}

const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 20) * 1000;
const ALL_SCENARIOS: Scenario[] = [
  { name: '150 bidders, 1 auction', auctions: 1, biddersPerAuction: 150, durationMs: DURATION_MS, meanIntervalMs: 1000 },
  { name: '20 auctions × 50 bidders (1,000 sockets)', auctions: 20, biddersPerAuction: 50, durationMs: DURATION_MS, meanIntervalMs: 2000 },
];
/** `BENCH_ONLY=0` or `1` runs one scenario (and writes no report). */
const ONLY = process.env.BENCH_ONLY === undefined ? null : Number(process.env.BENCH_ONLY);
const SCENARIOS = ONLY === null ? ALL_SCENARIOS : [ALL_SCENARIOS[ONLY]!];

interface User {
  id: string;
  token: string;
}

interface Bidder {
  user: User;
  socket: ClientSocket | null;
  auctionId: string;
  lotId: string | null;
  highBid: number | null;
}

interface Outcome {
  scenario: Scenario;
  sockets: number;
  connected: number;
  perReplica: number[];
  ack: Summary;
  deliveries: Summary;
  everyClient: Summary;
  attempts: number;
  accepted: number;
  refusedExpected: number;
  unexpected: number;
  unexpectedSamples: string[];
  missedDeliveries: number;
  lost: number;
  acceptedPerSecond: number;
  invariantViolations: number;
  /** The load generator's own event-loop delay while bidding (part of every latency measured). */
  clientLoopDelayP99: number;
  /** 1-minute load average at the end of the bidding (2 cores: above 2 the machine is oversubscribed). */
  loadAverage: number;
  /** Server-side bid processing (receipt → committed answer), bucket upper bounds from the replicas' histograms. */
  serverP50: string;
  serverP99: string;
}

async function main(): Promise<void> {
  const database = await createTestDatabase();
  const redis = await startRedisServer();
  const cluster = await startCluster({
    replicas: { auth: 1, leagues: 1, 'auction-engine': 3, scoring: 1 },
    databaseUrl: database.url,
    redisUrl: redis.url,
    env: {
      RATE_LIMITS: 'off',
      JWT_SECRET: SECRET,
      LOG_LEVEL: 'warn',
      ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
    },
    readyTimeoutMs: 120_000,
  });
  const outcomes: Outcome[] = [];
  try {
    for (const scenario of SCENARIOS) {
      process.stdout.write(`\n${scenario.name}: setting up…\n`);
      const outcome = await run(cluster, database.url, scenario);
      outcomes.push(outcome);
      print(outcome);
    }
  } finally {
    await cluster.stop();
    await redis.stop();
    await database.drop();
  }
  if (ONLY === null) report(outcomes);
}

function mint(name: string): User {
  const id = randomUUID();
  return { id, token: signAccessToken(SECRET, { id, email: `${name}-${id.slice(0, 8)}@bench.test`, displayName: name }, new Date()) };
}

async function inBatches<T>(items: T[], size: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map((item, j) => work(item, i + j)));
}

async function setUpLeague(api: Api, bidders: number): Promise<{ leagueId: string; users: User[] }> {
  const commissioner = mint('commissioner');
  const league = await api.post(
    '/api/leagues',
    {
      name: `Bench ${randomUUID().slice(0, 6)}`,
      sport: 'football',
      budget: 100_000,
      rosterSize: 3,
      bidTimerSeconds: 8,
      antiSnipeSeconds: 4,
      lotGapSeconds: 0,
      leadInSeconds: 0,
    },
    { token: commissioner.token },
  );
  if (league.status !== 201) throw new Error(`create league: ${league.status} ${JSON.stringify(league.body)}`);
  const managers = Array.from({ length: bidders - 1 }, (_, i) => mint(`bidder${i + 1}`));
  await inBatches(managers, 25, async (user) => {
    const joined = await api.post('/api/leagues/join', { inviteToken: league.body.inviteToken }, { token: user.token });
    if (joined.status !== 200) throw new Error(`join: ${joined.status} ${JSON.stringify(joined.body)}`);
  });
  return { leagueId: league.body.id, users: [commissioner, ...managers] };
}

async function run(cluster: ClusterHandle, databaseUrl: string, scenario: Scenario): Promise<Outcome> {
  const api = new Api(cluster.url);
  const leagues = [];
  for (let i = 0; i < scenario.auctions; i++) leagues.push(await setUpLeague(api, scenario.biddersPerAuction));
  const auctionIds: string[] = [];
  for (const league of leagues) {
    const started = await api.post<AuctionSnapshot>('/api/auctions', { leagueId: league.leagueId }, { token: league.users[0]!.token });
    if (started.status !== 201) throw new Error(`start auction: ${started.status} ${JSON.stringify(started.body)}`);
    auctionIds.push(started.body.id);
  }
  const bidders: Bidder[] = leagues.flatMap((league, k) =>
    league.users.map((user) => ({ user, socket: null, auctionId: auctionIds[k]!, lotId: null, highBid: null })),
  );

  // Connect through nginx, from many source networks (ip_hash keys on the first three octets).
  await inBatches(bidders, 100, async (bidder, i) => {
    const localAddress = `127.${1 + ((i >> 8) % 200)}.${i % 256}.1`;
    bidder.socket = await connectSocket(cluster.url, bidder.user.token, { localAddress, timeoutMs: 20_000 }).catch(() => null);
  });
  const connected = bidders.filter((b) => b.socket);
  const perReplica = await socketsPerReplica(cluster);

  const deliveries: number[] = [];
  const perBid = new Map<string, { count: number; max: number }>();
  const expectedPerAuction = new Map(auctionIds.map((id) => [id, connected.filter((b) => b.auctionId === id).length]));
  for (const bidder of connected) {
    const socket = bidder.socket!;
    socket.on('bid:accepted', (event) => {
      const latency = Date.now() - Date.parse(event.serverTime);
      deliveries.push(latency);
      const key = `${event.auctionId}:${event.seq}`;
      const seen = perBid.get(key) ?? { count: 0, max: 0 };
      perBid.set(key, { count: seen.count + 1, max: Math.max(seen.max, latency) });
      if (event.lotId === bidder.lotId && (bidder.highBid === null || event.amount > bidder.highBid)) bidder.highBid = event.amount;
    });
    socket.on('lot:opened', (event) => {
      bidder.lotId = event.lot.id;
      bidder.highBid = null;
    });
    socket.on('auction:snapshot', (snapshot) => {
      bidder.lotId = snapshot.currentLot?.id ?? null;
      bidder.highBid = snapshot.currentLot?.highBid ?? null;
    });
  }
  await inBatches(connected, 100, async (bidder) => {
    const answer = await bidder.socket!.timeout(10_000).emitWithAck('auction:join', { auctionId: bidder.auctionId });
    if (!answer.ok) throw new Error(`auction:join refused: ${answer.error.code}`);
    bidder.lotId = answer.snapshot.currentLot?.id ?? null;
    bidder.highBid = answer.snapshot.currentLot?.highBid ?? null;
  });

  process.stdout.write(
    `${scenario.name}: ${connected.length}/${bidders.length} connected (${perReplica.join(' / ')} per replica); bidding for ${scenario.durationMs / 1000} s…\n`,
  );
  const ackMs: number[] = [];
  const acked: string[] = [];
  const unexpectedSamples: string[] = [];
  let attempts = 0;
  let refusedExpected = 0;
  let unexpected = 0;
  const bucketsBefore = await processingBuckets(cluster);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const started = Date.now();
  const end = started + scenario.durationMs;
  await Promise.all(
    connected.map(async (bidder) => {
      await sleep(Math.random() * scenario.meanIntervalMs);
      while (Date.now() < end) {
        if (bidder.lotId) {
          const amount = (bidder.highBid ?? 0) + 1 + Math.floor(Math.random() * 3);
          attempts++;
          const sent = performance.now();
          try {
            const answer = (await bidder.socket!.timeout(5000).emitWithAck('bid:place', {
              auctionId: bidder.auctionId,
              lotId: bidder.lotId,
              amount,
              clientBidId: randomUUID(),
            })) as { ok: true; bid: AcceptedBid } | { ok: false; error: ErrorBody };
            ackMs.push(performance.now() - sent);
            if (answer.ok) acked.push(answer.bid.id);
            else if (EXPECTED_REFUSALS.has(answer.error.code)) refusedExpected++;
            else {
              unexpected++;
              if (unexpectedSamples.length < 5) unexpectedSamples.push(answer.error.code);
            }
          } catch (error) {
            unexpected++;
            if (unexpectedSamples.length < 5) unexpectedSamples.push((error as Error).message);
          }
        }
        await sleep(-Math.log(1 - Math.random()) * scenario.meanIntervalMs);
      }
    }),
  );
  const elapsedMs = Date.now() - started;
  loop.disable();
  const loadAverage = Math.round(loadavg()[0]! * 10) / 10;
  const bucketsAfter = await processingBuckets(cluster);
  const serverBuckets = [...bucketsAfter].map(([le, n]) => [le, n - (bucketsBefore.get(le) ?? 0)] as const);
  await sleep(1500); // trailing broadcasts

  const everyClient: number[] = [];
  let missedDeliveries = 0;
  for (const [key, seen] of perBid) {
    const expected = expectedPerAuction.get(key.slice(0, key.indexOf(':'))) ?? 0;
    if (seen.count >= expected) everyClient.push(seen.max);
    else missedDeliveries += expected - seen.count;
  }
  const lost = await lostBids(databaseUrl, acked);
  let invariantViolations = 0;
  for (const [k, auctionId] of auctionIds.entries()) {
    await api.post(`/api/auctions/${auctionId}/end`, undefined, { token: leagues[k]!.users[0]!.token });
    const violations = checkAuctionInvariants(await readAuctionState(databaseUrl, auctionId));
    invariantViolations += violations.length;
    for (const v of violations.slice(0, 3)) process.stdout.write(`  invariant ${v.rule}: ${v.message}\n`);
  }
  for (const bidder of connected) bidder.socket!.close();
  return {
    scenario,
    sockets: bidders.length,
    connected: connected.length,
    perReplica,
    ack: summarise(ackMs),
    deliveries: summarise(deliveries),
    everyClient: summarise(everyClient),
    attempts,
    accepted: acked.length,
    refusedExpected,
    unexpected,
    unexpectedSamples,
    missedDeliveries,
    lost,
    acceptedPerSecond: Math.round((acked.length / elapsedMs) * 10_000) / 10,
    invariantViolations,
    clientLoopDelayP99: Math.round(loop.percentile(99) / 1e5) / 10,
    loadAverage,
    serverP50: bucketQuantile(serverBuckets, 0.5),
    serverP99: bucketQuantile(serverBuckets, 0.99),
  };
}

/** Cumulative counts of `bid_processing_seconds_bucket` summed over the auction replicas, by `le`. */
async function processingBuckets(cluster: ClusterHandle): Promise<Map<string, number>> {
  const sums = new Map<string, number>();
  for (const replica of cluster.replicas.filter((r) => r.service === 'auction-engine')) {
    const text = await fetch(`http://127.0.0.1:${replica.port}/metrics`).then((r) => r.text());
    for (const match of text.matchAll(/^bid_processing_seconds_bucket\{le="([^"]+)"\} (\d+)/gm)) {
      sums.set(match[1]!, (sums.get(match[1]!) ?? 0) + Number(match[2]));
    }
  }
  return sums;
}

/** The smallest bucket bound holding quantile q of the observations, in ms ("> 100" past the last bound). */
function bucketQuantile(buckets: ReadonlyArray<readonly [string, number]>, q: number): string {
  const total = buckets.find(([le]) => le === '+Inf')?.[1] ?? 0;
  if (total === 0) return 'n/a';
  const bounded = buckets.filter(([le]) => le !== '+Inf').sort((a, b) => Number(a[0]) - Number(b[0]));
  const hit = bounded.find(([, n]) => n >= q * total);
  return hit ? `≤ ${Number(hit[0]) * 1000}` : `> ${Number(bounded.at(-1)![0]) * 1000}`;
}

async function socketsPerReplica(cluster: ClusterHandle): Promise<number[]> {
  const engines = cluster.replicas.filter((r) => r.service === 'auction-engine');
  return Promise.all(
    engines.map(async (replica) => {
      const text = await fetch(`http://127.0.0.1:${replica.port}/metrics`).then((r) => r.text());
      return Number(/^sockets_connected (\d+)/m.exec(text)?.[1] ?? NaN);
    }),
  );
}

/** Acknowledged-as-accepted bids that the database does not hold. */
async function lostBids(databaseUrl: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const found = await client.query('select count(*)::int as n from auction.bids where id = any($1::uuid[])', [ids]);
    return ids.length - found.rows[0].n;
  } finally {
    await client.end();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function print(o: Outcome): void {
  process.stdout.write(
    [
      `${o.scenario.name}:`,
      `  connected ${o.connected}/${o.sockets} (${((o.connected / o.sockets) * 100).toFixed(1)} %), per replica ${o.perReplica.join(' / ')}`,
      `  bid ack ms p50 ${o.ack.p50} p95 ${o.ack.p95} p99 ${o.ack.p99} max ${o.ack.max} (${o.attempts} bids)`,
      `  broadcast ms, bid to every client: p50 ${o.everyClient.p50} p95 ${o.everyClient.p95} p99 ${o.everyClient.p99} max ${o.everyClient.max}`,
      `  broadcast ms, each delivery: p50 ${o.deliveries.p50} p99 ${o.deliveries.p99} (${o.deliveries.count} deliveries, ${o.missedDeliveries} missed)`,
      `  accepted ${o.accepted} (${o.acceptedPerSecond}/s), expected refusals ${o.refusedExpected}, unexpected errors ${o.unexpected} ${o.unexpectedSamples.join(', ')}`,
      `  lost bids ${o.lost}, invariant violations ${o.invariantViolations}`,
      `  server-side bid processing ms: p50 ${o.serverP50}, p99 ${o.serverP99}`,
      `  load generator event-loop delay p99 ${o.clientLoopDelayP99} ms; machine load average ${o.loadAverage}`,
      '',
    ].join('\n'),
  );
}

function report(outcomes: Outcome[]): void {
  const rows = outcomes.map(
    (o) =>
      `| ${o.scenario.name} | ${o.connected}/${o.sockets} | ${o.ack.p50} / ${o.ack.p95} / ${o.ack.p99} | ${o.serverP50} / ${o.serverP99} | ${o.everyClient.p99} (${o.deliveries.p99}) | ${o.acceptedPerSecond} | ${o.attempts} | ${o.unexpected} | ${o.lost} | ${o.invariantViolations} | ${o.clientLoopDelayP99} | ${o.loadAverage} |`,
  );
  const body = `
\`npm run bench:auction\` — through nginx to a cluster of 3 auction-engine replicas (plus 1 auth, 1 leagues,
1 scoring) on the machine's PostgreSQL 15 and a private Redis, all on the same machine as the load
generator (one Node process holding every socket). Leagues created and joined through the HTTP API;
rate limits off. Each bidder bids on the current lot at its last known high bid + 1..3, then waits an
exponential pause (mean ${SCENARIOS[0]!.meanIntervalMs} ms at 150 bidders, ${SCENARIOS[1]!.meanIntervalMs} ms at 1,000 sockets) after each answer, for
${SCENARIOS[0]!.durationMs / 1000} s. Bid timer 8 s, anti-snipe 4 s. Broadcast latency is receipt time − the accepting
transaction's serverTime; "every client" is, per accepted bid, the slowest of all sockets in that auction
(each-delivery p99 in brackets). Lost = acknowledged as accepted but not in \`auction.bids\`.
Machine: ${machine()}.

| scenario | connected | bid ack p50 / p95 / p99 ms | server-side p50 / p99 ms | broadcast p99 ms | accepted bids/s | bids sent | unexpected errors | lost bids | invariant violations | client loop delay p99 ms | load avg |
|---|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Targets: 100 % connected, 0 lost, 0 unexpected errors, ack p99 ≤ 50 ms at 150 bidders, broadcast
p99 ≤ 150 ms at 1,000 sockets.

Reading the figures: every process of the test (3 replicas, leagues, auth, scoring, nginx, PostgreSQL,
Redis and the load generator with all its sockets) shares the machine's 2 cores, so the latencies are
those of a saturated machine, not of the engine alone. "server-side" is the replicas' own
\`bid_processing_seconds\` (receipt of the bid to its committed answer, histogram bucket bounds); the
rest of an ack is transport and waiting for a CPU. "client loop delay" is the load generator's own
event-loop lag, which every measured latency includes; "load avg" is the machine's 1-minute load at
the end of the bidding (above 2 means processes were waiting for a core — other work on the machine
counts too).
`;
  writeSection('Auction', body);
}

await main();
