/**
 * One auction scenario, start to verdict: leagues and auctions set up through the API,
 * every person connected through nginx, bidding for the run's length while the chaos plan
 * breaks things, then every auction ended, every client given time to converge, and the
 * database and the run's log judged.
 */
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Api } from '@auction/testing';
import { runChaos, type ChaosEvent, type ChaosPlan } from './chaos.js';
import { measureLink, type LinkMeasurement } from './client-network.js';
import { LoadClient, type AckRecord } from './client.js';
import { leaguePool, proxyBidders } from './formats.js';
import { Nominators, ProxyKeepers, type ProxyRecord } from './format-players.js';
import { costsBetween, engineOf, readCosts, type Costs } from './costs.js';
import { decisionsBetween, readDecisionBuckets, type DecisionBuckets } from './engine-decisions.js';
import { machineCpuBetween, readMachineCpu, type MachineCpu } from './machine-cpu.js';
import type { LoadEnvironment } from './environment.js';
import { judge, type ClientVerdictInput, type Violation } from './judge.js';
import { inBatches, leagueOf, mint, setUpAuctions, startAuction, LOAD_LEAGUE_SETTINGS, type LoadUser } from './population.js';
import { startSampler, type Sample } from './sampler.js';
import { biddingNow, WARM_UP_MS, type AuctionScenario } from './scenarios.js';
import { readStoredAuction, type StoredAuction } from './stored.js';

export interface RunOptions {
  scenario: AuctionScenario;
  durationMs: number;
  chaos: ChaosPlan;
  env: LoadEnvironment;
  /** Called once a second while bidding. */
  onSample?: (sample: Sample, acks: AckRecord[]) => void;
  log?: (line: string) => void;
  /** Bidding before the measured time (default WARM_UP_MS); times before it are negative. */
  warmUpMs?: number;
}

export interface RunResult {
  scenario: AuctionScenario;
  durationMs: number;
  sockets: number;
  connectedAtStart: number;
  acks: AckRecord[];
  /** Every maximum the proxy keepers set (proxy scenarios). */
  proxies: ProxyRecord[];
  /** ms from a bid's serverTime to each client hearing it. */
  deliveries: number[];
  samples: Sample[];
  chaos: ChaosEvent[];
  outages: Array<{ at: number; ms: number }>;
  auctions: StoredAuction[];
  /** Every bidder's view of its room at the end, as judged. */
  clientViews: ClientVerdictInput[];
  violations: Violation[];
  /** The latency link, from the first connection to the end of the bidding (latency runs only). */
  link: LinkMeasurement | null;
  /** What the bidding cost (runs without faults only: a restart resets the counters). */
  costs: Costs | null;
  /** The engine replicas' own time per bid, receipt to committed answer (runs without faults, as `costs`). */
  decisions: DecisionBuckets | null;
  loadBefore: number[];
  loadAfter: number[];
  /** The wall clock when the measured time started: acks' `at` plus this is comparable with stored times. */
  startedAtEpochMs: number;
  /** Bids before the measured time (negative `at`): judged, left out of the figures. */
  warmUpMs: number;
  /** The load generator itself over the measured time: a busy generator answers acks late. */
  generator: GeneratorLoad;
  /** The whole machine over the measured time: how busy its cores were, and how much of them the hypervisor took. */
  machineCpu: MachineCpu;
}

export interface GeneratorLoad {
  /** How late its event loop ran timers, ms. */
  loopDelayMs: { p50: number; p99: number; max: number };
  /** Its CPU time over the measured time, in cores. */
  cores: number;
}

/** Watches this process's event loop and CPU from now until the function it returns is called. */
function watchGenerator(): () => GeneratorLoad {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const cpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  return () => {
    delay.disable();
    const cpu = process.cpuUsage(cpuBefore);
    const ms = (ns: number) => Math.round(ns / 1e5) / 10;
    return {
      loopDelayMs: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
      cores: Math.round(((cpu.user + cpu.system) / 1000 / (performance.now() - startedAt)) * 100) / 100,
    };
  };
}

const CONVERGE_WITHIN_MS = 15_000;
/** No new auction is started this close to the end of a run. */
const RENEW_BEFORE_END_MS = 30_000;

/** The people of one league and their auctions, one after another. */
interface Room {
  people: LoadUser[];
  auctionIds: string[];
  clients: LoadClient[];
  renewing: boolean;
}

/** Once a room's auction has completed, its people start the next one and move there. */
async function renewWhenCompleted(
  api: Api,
  room: Room,
  scenario: AuctionScenario,
  timeLeft: boolean,
  log: (line: string) => void,
): Promise<void> {
  if (room.renewing || !timeLeft || room.clients[0]!.view.status !== 'completed') return;
  room.renewing = true;
  try {
    const auction = await startAuction(api, await leagueOf(api, room.people, { ...LOAD_LEAGUE_SETTINGS, ...scenario.settings }));
    room.auctionIds.push(auction.id);
    await Promise.all(room.clients.map((client) => client.moveTo(auction.id)));
  } catch (error) {
    log(`could not start the next auction: ${(error as Error).message}`);
  } finally {
    room.renewing = false;
  }
}

export async function runScenario(options: RunOptions): Promise<RunResult> {
  const { scenario, env } = options;
  const log = options.log ?? (() => undefined);
  if (Boolean(options.chaos.latency) !== Boolean(env.clients.latency))
    throw new Error('--chaos latency is set up with the environment: start it with the same plan');
  const api = new Api(env.cluster.url);
  const loadBefore = loadavg().map((n) => Math.round(n * 100) / 100);

  log(`setting up ${scenario.auctions} league(s) of ${scenario.biddersPerAuction}…`);
  const set = await setUpAuctions(api, env.secret, scenario.auctions, scenario.biddersPerAuction, scenario.settings);
  const pools = new Map<string, Awaited<ReturnType<typeof leaguePool>>>();
  if (scenario.settings?.nominationMode === 'managers')
    for (const { league, auction } of set) pools.set(auction.id, await leaguePool(api, league));

  let startedAt = performance.now();
  const now = () => Math.round(performance.now() - startedAt);
  const end = options.durationMs;
  const acks: AckRecord[] = [];
  let accepted = 0;
  const record = (ack: AckRecord) => {
    acks.push(ack);
    if (ack.accepted) accepted++;
  };
  const nominators = new Nominators(pools, record, () => now() >= end);
  const deliveries: number[] = [];
  const onDelivery = (ms: number) => {
    if (now() >= 0) deliveries.push(ms);
  };
  let index = 0;
  const newClient = (user: LoadUser, auctionId: string | null) =>
    new LoadClient({
      url: env.clientUrl,
      agent: env.clients.agent,
      user,
      auctionId,
      localAddress: env.clients.sourceAddress(index++),
      now,
      onDelivery: auctionId ? onDelivery : undefined,
      onTurn: nominators.onTurn,
    });
  const rooms: Room[] = set.map(({ league, auction }) => ({
    people: league.users,
    auctionIds: [auction.id],
    renewing: false,
    clients: league.users.map((user) => newClient(user, auction.id)),
  }));
  const clients = rooms.flatMap((room) => room.clients);
  const idle = Array.from({ length: scenario.idleSockets }, () => newClient(mint(env.secret, 'idle'), null));
  const keepers = new ProxyKeepers(
    api,
    rooms.flatMap((room) => room.clients.slice(0, proxyBidders(room.clients.length, scenario.proxyShare))),
  );
  log(`connecting ${clients.length + idle.length} sockets…`);
  // Closed however the run ends: a client left open would go on reconnecting.
  try {
    const endLink = await measureLink(env.clients);
    const failedToConnect = new Set<LoadClient>();
    await inBatches([...clients, ...idle], 100, async (client) => {
      await client.connect().catch(() => failedToConnect.add(client));
    });
    const connectedAtStart = clients.length + idle.length - failedToConnect.size;

    const warmUpMs = options.warmUpMs ?? WARM_UP_MS;
    startedAt = performance.now() + warmUpMs;
    const startedAtEpochMs = Date.now() + warmUpMs;
    const everyone = [...clients, ...idle];
    const sampler = startSampler(
      env.cluster,
      now,
      () => ({ connected: everyone.filter((c) => c.connected).length, answered: acks.length, accepted }),
      (sample) => {
        options.onSample?.(sample, acks);
        if (scenario.renew) for (const room of rooms) void renewWhenCompleted(api, room, scenario, now() < end - RENEW_BEFORE_END_MS, log);
      },
    );
    const noFaults = !options.chaos.kill && !options.chaos.redis && !options.chaos.postgres;
    log(`warming up for ${warmUpMs / 1000} s, then bidding for ${Math.round(options.durationMs / 1000)} s…`);
    const bidders = clients.filter((c) => !failedToConnect.has(c));
    nominators.start(bidders);
    const bidding = Promise.all(
      rooms.flatMap((room) =>
        room.clients.map((client, i) =>
          failedToConnect.has(client) ? null : bidUntil(client, scenario, end, now, record, { proxies: keepers, index: i }),
        ),
      ),
    );
    await measuredTimeStarts(now);
    const generatorLoad = watchGenerator();
    const machineBefore = readMachineCpu();
    const costTarget = engineOf(env.cluster, env.ownPostgres);
    const costsBefore = noFaults ? await readCosts(costTarget) : null;
    const decisionsBefore = noFaults ? await readDecisionBuckets(env.cluster) : null;
    const chaos = runChaos(
      options.chaos,
      { cluster: env.cluster, redis: env.redis, restartPostgres: env.restartPostgres },
      options.durationMs,
      now,
    );
    await bidding;
    const generator = generatorLoad();
    const machineCpu = machineCpuBetween(machineBefore, readMachineCpu());
    await nominators.settle();
    const costs = costsBefore ? costsBetween(costsBefore, await readCosts(costTarget)) : null;
    const decisions = decisionsBefore ? decisionsBetween(decisionsBefore, await readDecisionBuckets(env.cluster)) : null;
    const link = await endLink();
    await chaos.stop();
    sampler.stop();

    log('ending the auctions, waiting for every client to converge…');
    const endRequestedAt = new Map<string, number>();
    for (const room of rooms) {
      const current = room.auctionIds.at(-1)!;
      endRequestedAt.set(current, Date.now());
      await endAuction(api, current, room.people[0]!.token);
    }
    const stored = await convergedOrTimedOut(
      env.databaseUrl,
      rooms.flatMap((r) => r.auctionIds),
      clients,
    );
    const clientViews = clients.map((c) => ({ userId: c.user.id, auctionId: c.options.auctionId!, view: c.view }));
    const violations = judge({ auctions: stored, acks, proxies: keepers.records, clients: clientViews, endRequestedAt });
    return {
      scenario,
      durationMs: options.durationMs,
      sockets: everyone.length,
      connectedAtStart,
      acks,
      proxies: keepers.records,
      deliveries,
      samples: sampler.samples,
      chaos: chaos.events,
      outages: everyone.flatMap((c) => c.outages),
      auctions: stored,
      clientViews,
      violations,
      link,
      costs,
      decisions,
      loadBefore,
      loadAfter: loadavg().map((n) => Math.round(n * 100) / 100),
      startedAtEpochMs,
      warmUpMs,
      generator,
      machineCpu,
    };
  } finally {
    for (const client of [...clients, ...idle]) client.close();
  }
}

/**
 * One bidder's loop: bid on the open lot (within their valuation, never against themselves),
 * pause, again. A proxy keeper instead sets its valuation as its maximum on each lot, once. In a
 * stepped run (`scenario.steps`) the bidder at `index` in its auction waits for its step.
 */
export async function bidUntil(
  client: LoadClient,
  scenario: AuctionScenario,
  end: number,
  now: () => number,
  record: (ack: AckRecord) => void,
  { proxies, index = 0 }: { proxies?: ProxyKeepers; index?: number } = {},
): Promise<void> {
  const valuations = new Map<string, number>();
  const pause = () => sleep(scenario.meanIntervalMs > 0 ? -Math.log(1 - Math.random()) * scenario.meanIntervalMs : 0);
  if (scenario.meanIntervalMs > 0) await sleep(Math.random() * scenario.meanIntervalMs);
  while (now() < end) {
    if (!biddingNow(scenario, index, now(), end)) {
      await sleep(50);
      continue;
    }
    const { lotId, highBid, highBidderId, status } = client.view;
    if (proxies?.keeps(client)) {
      if (lotId !== null && status === 'live' && !rosterFull(client)) await proxies.keep(client, valuationOf(valuations, lotId));
      await sleep(100 + Math.random() * 200);
      continue;
    }
    const amount = (highBid ?? 0) + 1 + Math.floor(Math.random() * 3);
    const wants =
      lotId !== null &&
      status === 'live' &&
      (!scenario.valuations || (highBidderId !== client.user.id && amount <= valuationOf(valuations, lotId)));
    if (!wants || rosterFull(client)) {
      await sleep(scenario.meanIntervalMs > 0 ? 100 + Math.random() * 200 : 20);
      continue;
    }
    record(await client.bid(lotId!, amount));
    await pause();
  }
}

/**
 * A bidder who bids at the moments a run's bidder did: at each of `times` (on the run's clock, the
 * warm-up negative) until `end`, one bid on the open lot at its high bid + 1..3, answered before
 * the next (a time already past when the answer comes is bid at once).
 */
export async function bidAtTimes(
  client: LoadClient,
  times: readonly number[],
  end: number,
  now: () => number,
  record: (ack: AckRecord) => void,
): Promise<void> {
  for (const at of times) {
    if (at >= end) return;
    await sleep(at - now());
    const { lotId, highBid } = client.view;
    if (lotId !== null) record(await client.bid(lotId, (highBid ?? 0) + 1 + Math.floor(Math.random() * 3)));
  }
}

/** Resolves when a run's clock (negative during the warm-up) reaches its measured time. */
export function measuredTimeStarts(now: () => number): Promise<void> {
  return sleep(Math.max(0, -now()));
}

/** A bidder's private value of a lot: they bid up to it and no further. */
function valuationOf(valuations: Map<string, number>, lotId: string): number {
  let value = valuations.get(lotId);
  if (value === undefined) {
    value = 20 + Math.floor(Math.random() * 180);
    valuations.set(lotId, value);
  }
  return value;
}

function rosterFull(client: LoadClient): boolean {
  let won = 0;
  for (const lot of client.view.closed.values()) if (lot.winnerId === client.user.id) won++;
  return won >= (LOAD_LEAGUE_SETTINGS.rosterSize ?? 3);
}

async function endAuction(api: Api, auctionId: string, token: string): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const answer = await api.post(`/api/auctions/${auctionId}/end`, undefined, { token }).catch(() => null);
    if (answer && (answer.status === 200 || answer.body?.code === 'AUCTION_COMPLETED')) return;
    await sleep(500);
  }
  throw new Error(`could not end auction ${auctionId}`);
}

/** The stored auctions once every client's seq has reached its auction's (or after CONVERGE_WITHIN_MS). */
async function convergedOrTimedOut(databaseUrl: string, auctionIds: string[], clients: LoadClient[]): Promise<StoredAuction[]> {
  const deadline = Date.now() + CONVERGE_WITHIN_MS;
  for (;;) {
    const stored = await Promise.all(auctionIds.map((id) => readStoredAuction(databaseUrl, id)));
    const seqs = new Map(stored.map((a) => [a.id, a.seq]));
    if (clients.every((c) => c.view.seq === seqs.get(c.options.auctionId!)) || Date.now() > deadline) return stored;
    await sleep(250);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
