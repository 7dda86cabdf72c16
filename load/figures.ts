/** The figures of a run, as printed and as the reports write them. */
import { summarise, type Summary } from '../bench/report.js';
import type { BaselineFigures } from './baseline.js';
import type { LinkMeasurement } from './client-network.js';
import { describeChaos, type ChaosPlan } from './chaos.js';
import { bucketQuantile } from './engine-decisions.js';
import type { Violation } from './judge.js';
import type { MachineCpu } from './machine-cpu.js';
import type { GeneratorLoad, RunResult } from './run.js';
import type { Sample } from './sampler.js';
import { describeSteps, steppedFiguresOf, type SteppedFigures } from './steps.js';

export interface Figures {
  scenario: string;
  summary: string;
  chaos: string;
  seconds: number;
  /** Bidding before the measured seconds: judged, not counted. */
  warmUpSeconds: number;
  sockets: number;
  connectedAtStart: number;
  ack: Summary;
  /** The engine replicas' own time per bid (receipt to committed answer), as bucket bounds; null in runs with faults. */
  decision: { p50: string; p99: string } | null;
  broadcast: Summary;
  answered: number;
  accepted: number;
  answeredPerSecond: number;
  acceptedPerSecond: number;
  refusals: Record<string, number>;
  unanswered: number;
  retried: number;
  lotsClosed: number;
  outages: Summary;
  engineRssMbPeak: number;
  engineRssMbEnd: number;
  /** Runs of at least RSS_GROWTH_FROM_MINUTE + 2 minutes (endurance): engine memory from that minute to the last. */
  rssGrowth: RssGrowth | null;
  loadBefore: number[];
  loadAfter: number[];
  generator: GeneratorLoad;
  machineCpu: MachineCpu;
  violations: number;
  baselines: BaselineFigures[];
  unitCosts: UnitCosts | null;
  link: LinkFigures | null;
  nominations: NominationFigures | null;
  proxies: ProxyFigures | null;
  /** Stepped closed loops (`max`): each step, the most within the ack p99 limit, and saturation. */
  stepped: SteppedFigures | null;
  /**
   * Bid acks split by when the bid was sent: within OPENING_BURST_MS of its lot opening (when every
   * bidder who wants the lot bids at once) and after that.
   */
  ackByPhase: { opening: Summary; after: Summary; openings: OpeningSpread };
}

/**
 * How the lot openings of a run differ: each opening's own p99 (its bids of the first
 * OPENING_BURST_MS), and how many lots the run's slowest 1 % of bids came from. A run has few
 * openings (eight a minute at `150`), so one slow opening can set the run's p99.
 */
export interface OpeningSpread {
  openings: number;
  p99Median: number;
  p99Worst: number;
  slowestFromLots: number;
}

/** The first part of a lot, when its bidders all bid at once, reported apart from the rest. */
export const OPENING_BURST_MS = 1000;

/** Endurance judges memory growth from this minute of measured time to the end (issue: ≤ 10 %). */
export const RSS_GROWTH_FROM_MINUTE = 10;

/** Total auction-engine RSS, each figure the mean of one minute of samples (a single sample is at GC's mercy). */
export interface RssGrowth {
  fromMinute: number;
  fromMb: number;
  lastMinuteMb: number;
  growthPercent: number;
}

export function rssGrowthOf(samples: Sample[], fromMinute = RSS_GROWTH_FROM_MINUTE): RssGrowth | null {
  const minute = 60_000;
  const lastAt = samples.at(-1)?.at ?? 0;
  if (lastAt < (fromMinute + 2) * minute) return null;
  const meanRss = (from: number, to: number) => {
    const inWindow = samples.filter((s) => s.at >= from && s.at < to).map((s) => s.engineRssMb.reduce((a, b) => a + b, 0));
    return inWindow.reduce((a, b) => a + b, 0) / inWindow.length;
  };
  const fromMb = meanRss(fromMinute * minute, (fromMinute + 1) * minute);
  const lastMinuteMb = meanRss(lastAt - minute + 1, lastAt + 1);
  return {
    fromMinute,
    fromMb: Math.round(fromMb),
    lastMinuteMb: Math.round(lastMinuteMb),
    growthPercent: Math.round((lastMinuteMb / fromMb - 1) * 1000) / 10,
  };
}

/** `managers` mode: the nominations the managers sent on their turns, and the turns the engine nominated for them. */
export interface NominationFigures {
  sent: number;
  accepted: number;
  /** Acknowledgement of each nomination answered, ms. */
  ack: Summary;
  refusals: Record<string, number>;
  /** Lots opened by a nomination (each a turn), and those the engine opened when a turn's time ran out. */
  lotsOpened: number;
  autoNominated: number;
}

/** Proxy scenarios: the maxima the keepers set and the bids the engine placed for them. */
export interface ProxyFigures {
  keepers: number;
  set: number;
  refused: number;
  unanswered: number;
  /** `PUT …/proxies/:assetId` answer time, ms (through nginx, from the harness's own address). */
  put: Summary;
  /** Bids the engine placed for proxies, as stored. */
  proxyBids: number;
}

/** The latency link as measured from the clients' side (latency runs only). */
export interface LinkFigures {
  /** TCP handshake of each client connection: one round trip across the link. */
  handshake: Summary;
  packetsUp: number;
  packetsDown: number;
  /** Share of packets the link dropped, %, both ways together. */
  droppedPercent: number;
}

/** Per-unit costs, each the whole measured cost divided by one unit (the model in docs/capacity.md splits them). */
export interface UnitCosts {
  engineCpuMsPerAnsweredBid: number;
  engineCpuMsPerDelivery: number;
  engineCpuMsPerSocketMinute: number;
  postgresCpuMsPerAnsweredBid: number;
  commitsPerAnsweredBid: number;
  walBytesPerAcceptedBid: number;
  redisCommandsPerAcceptedBid: number;
  /** The raw totals they come from. */
  engineCpuMs: number;
  postgresCpuMs: number;
}

export function figuresOf(result: RunResult, plan: ChaosPlan, baselines: BaselineFigures[] = []): Figures {
  const seconds = result.durationMs / 1000;
  // The warm-up's bids are judged, not counted (see WARM_UP_MS).
  const measured = result.acks.filter((a) => a.at >= 0);
  const bids = measured.filter((a) => a.kind === 'bid');
  const answered = bids.filter((a) => a.code !== 'NO_ANSWER');
  const accepted = answered.filter((a) => a.accepted);
  const rss = result.samples.map((s) => s.engineRssMb.reduce((a, b) => a + b, 0));
  return {
    scenario: result.scenario.name,
    summary: result.scenario.summary,
    chaos: describeChaos(plan),
    seconds,
    warmUpSeconds: result.warmUpMs / 1000,
    sockets: result.sockets,
    connectedAtStart: result.connectedAtStart,
    ack: summarise(answered.map((a) => a.ms)),
    decision: result.decisions && { p50: bucketQuantile(result.decisions, 0.5), p99: bucketQuantile(result.decisions, 0.99) },
    broadcast: summarise(result.deliveries),
    answered: answered.length,
    accepted: accepted.length,
    answeredPerSecond: Math.round((answered.length / seconds) * 10) / 10,
    acceptedPerSecond: Math.round((accepted.length / seconds) * 10) / 10,
    refusals: refusalsOf(bids),
    unanswered: bids.length - answered.length,
    retried: bids.filter((a) => a.tries > 1).length,
    lotsClosed: result.auctions.reduce((n, a) => n + a.lots.filter((l) => l.status === 'sold' || l.status === 'unsold').length, 0),
    outages: summarise(result.outages.map((o) => o.ms)),
    engineRssMbPeak: Math.round(Math.max(0, ...rss)),
    engineRssMbEnd: Math.round(rss.at(-1) ?? 0),
    rssGrowth: rssGrowthOf(result.samples),
    loadBefore: result.loadBefore,
    loadAfter: result.loadAfter,
    generator: result.generator,
    machineCpu: result.machineCpu,
    violations: result.violations.length,
    baselines,
    unitCosts: result.costs && unitCostsOf(result, answered.length, accepted.length),
    link: result.link && linkFiguresOf(result.link),
    nominations: result.scenario.settings?.nominationMode === 'managers' ? nominationFiguresOf(result) : null,
    proxies: result.scenario.proxyShare ? proxyFiguresOf(result) : null,
    ackByPhase: ackByPhaseOf(result, answered),
    stepped: steppedFiguresOf(
      result.scenario,
      answered.map((a) => ({ at: a.at, ms: a.ms, accepted: a.accepted !== null })),
      result.durationMs,
    ),
  };
}

function ackByPhaseOf(result: RunResult, answered: RunResult['acks']): Figures['ackByPhase'] {
  const openedAt = new Map(result.auctions.flatMap((a) => a.lots.map((l) => [l.id, l.openedAt] as const)));
  const inOpening = (ack: RunResult['acks'][number]) => {
    const opened = ack.lotId ? openedAt.get(ack.lotId) : null;
    return opened !== null && opened !== undefined && result.startedAtEpochMs + ack.at - opened < OPENING_BURST_MS;
  };
  return {
    opening: summarise(answered.filter(inOpening).map((a) => a.ms)),
    after: summarise(answered.filter((a) => !inOpening(a)).map((a) => a.ms)),
    openings: openingSpreadOf(answered, inOpening),
  };
}

export function openingSpreadOf<A extends { lotId: string | null; ms: number }>(
  answered: A[],
  inOpening: (ack: A) => boolean,
): OpeningSpread {
  const byLot = new Map<string, number[]>();
  for (const ack of answered) {
    if (!ack.lotId || !inOpening(ack)) continue;
    const lot = byLot.get(ack.lotId) ?? [];
    lot.push(ack.ms);
    byLot.set(ack.lotId, lot);
  }
  const p99s = [...byLot.values()].map((ms) => summarise(ms).p99).sort((a, b) => a - b);
  const slowest = [...answered].sort((a, b) => b.ms - a.ms).slice(0, Math.ceil(answered.length / 100));
  return {
    openings: p99s.length,
    p99Median: p99s[Math.floor((p99s.length - 1) / 2)] ?? NaN,
    p99Worst: p99s.at(-1) ?? NaN,
    slowestFromLots: new Set(slowest.map((a) => a.lotId)).size,
  };
}

function refusalsOf(acks: RunResult['acks']): Record<string, number> {
  const refusals: Record<string, number> = {};
  for (const ack of acks) if (!ack.accepted && ack.code) refusals[ack.code] = (refusals[ack.code] ?? 0) + 1;
  return refusals;
}

function nominationFiguresOf(result: RunResult): NominationFigures {
  const sent = result.acks.filter((a) => a.kind === 'nomination' && a.at >= 0);
  const opened = result.auctions.flatMap((a) => a.lots).filter((l) => l.status !== 'pending');
  return {
    sent: sent.length,
    accepted: sent.filter((a) => a.accepted).length,
    ack: summarise(sent.filter((a) => a.code !== 'NO_ANSWER').map((a) => a.ms)),
    refusals: refusalsOf(sent),
    lotsOpened: opened.length,
    autoNominated: opened.filter((l) => l.autoNominated).length,
  };
}

function proxyFiguresOf(result: RunResult): ProxyFigures {
  const answered = result.proxies.filter((p) => p.answered);
  return {
    keepers: new Set(result.proxies.map((p) => p.bidderId)).size,
    set: answered.filter((p) => p.refusal === null).length,
    refused: answered.filter((p) => p.refusal !== null).length,
    unanswered: result.proxies.length - answered.length,
    put: summarise(answered.map((p) => p.ms)),
    proxyBids: result.auctions.reduce((n, a) => n + a.bids.filter((b) => b.proxy).length, 0),
  };
}

export function describeNominations(n: NominationFigures): string {
  const refusals = Object.entries(n.refusals).map(([code, count]) => `${code} ${count}`);
  return `${n.sent} sent, ${n.accepted} accepted (ack p50 ${n.ack.p50} p99 ${n.ack.p99} ms)${refusals.length ? `, refused ${refusals.join(', ')}` : ''}; ${n.lotsOpened} lots opened, ${n.autoNominated} of them nominated by the engine when a turn ran out`;
}

export function describeProxies(p: ProxyFigures): string {
  return `${p.keepers} bidders on proxies set ${p.set} maxima (PUT p50 ${p.put.p50} p99 ${p.put.p99} ms; ${p.refused} refused, ${p.unanswered} unanswered); the engine placed ${p.proxyBids} proxy bids`;
}

function linkFiguresOf(link: LinkMeasurement): LinkFigures {
  const up = link.stats?.upstream ?? { packets: 0, dropped: 0 };
  const down = link.stats?.downstream ?? { packets: 0, dropped: 0 };
  const packets = up.packets + down.packets;
  return {
    handshake: summarise(link.connectMs),
    packetsUp: up.packets,
    packetsDown: down.packets,
    droppedPercent: packets > 0 ? Math.round(((up.dropped + down.dropped) / packets) * 1000) / 10 : 0,
  };
}

export function describeLink(l: LinkFigures): string {
  return `TCP handshake from the clients (one round trip) p50 ${l.handshake.p50} p99 ${l.handshake.p99} min ${l.handshake.min} ms (${l.handshake.count} connections); packets ${l.packetsUp} up, ${l.packetsDown} down, ${l.droppedPercent} % dropped`;
}

function unitCostsOf(result: RunResult, answered: number, accepted: number): UnitCosts {
  const c = result.costs!;
  const per = (total: number, units: number, digits = 3) => (units > 0 ? Number((total / units).toFixed(digits)) : NaN);
  const socketMinutes = (result.connectedAtStart * result.durationMs) / 60_000;
  return {
    engineCpuMsPerAnsweredBid: per(c.engineCpuMs, answered),
    engineCpuMsPerDelivery: per(c.engineCpuMs, result.deliveries.length),
    engineCpuMsPerSocketMinute: per(c.engineCpuMs, socketMinutes),
    postgresCpuMsPerAnsweredBid: per(c.postgresCpuMs, answered),
    commitsPerAnsweredBid: per(c.commits, answered),
    walBytesPerAcceptedBid: per(c.walBytes, accepted, 0),
    redisCommandsPerAcceptedBid: per(c.redisCommands, accepted, 1),
    engineCpuMs: c.engineCpuMs,
    postgresCpuMs: c.postgresCpuMs,
  };
}

export function describeGenerator(g: GeneratorLoad): string {
  return `${g.cores} cores, event-loop delay p50 / p99 / max ${g.loopDelayMs.p50} / ${g.loopDelayMs.p99} / ${g.loopDelayMs.max} ms`;
}

export function describeMachineCpu(m: MachineCpu): string {
  return `cores ${m.busyPercent} % busy, ${m.stealPercent} % stolen by the hypervisor`;
}

export function describeRssGrowth(g: RssGrowth): string {
  return `auction-engine RSS ${g.fromMb} MB in minute ${g.fromMinute}, ${g.lastMinuteMb} MB in the last minute: ${g.growthPercent >= 0 ? '+' : ''}${g.growthPercent} %`;
}

export function printFigures(f: Figures, violations: Violation[]): void {
  const lines = [
    `${f.scenario} (${f.summary}), ${f.seconds} s after ${f.warmUpSeconds} s of warm-up, chaos: ${f.chaos}`,
    `  connected ${f.connectedAtStart}/${f.sockets}; reconnections ${f.outages.count}${f.outages.count ? ` (p50 ${f.outages.p50} ms, max ${f.outages.max} ms)` : ''}`,
    `  bid ack ms p50 ${f.ack.p50} p95 ${f.ack.p95} p99 ${f.ack.p99} max ${f.ack.max}; broadcast ms p50 ${f.broadcast.p50} p99 ${f.broadcast.p99}`,
    ...(f.decision ? [`  the engine's own time per bid: ${describeDecision(f.decision)}`] : []),
    `  ${describePhases(f)}`,
    `  answered ${f.answered} (${f.answeredPerSecond}/s), accepted ${f.accepted} (${f.acceptedPerSecond}/s), unanswered ${f.unanswered}, retried ${f.retried}`,
    `  refusals ${
      Object.entries(f.refusals)
        .map(([code, n]) => `${code} ${n}`)
        .join(', ') || 'none'
    }; lots closed ${f.lotsClosed}`,
    ...(f.link ? [`  link: ${describeLink(f.link)}`] : []),
    ...(f.nominations ? [`  nominations: ${describeNominations(f.nominations)}`] : []),
    ...(f.proxies ? [`  proxies: ${describeProxies(f.proxies)}`] : []),
    `  auction-engine RSS peak ${f.engineRssMbPeak} MB (end ${f.engineRssMbEnd} MB); load average before ${f.loadBefore.join(' ')}, after ${f.loadAfter.join(' ')}`,
    `  load generator: ${describeGenerator(f.generator)}; machine: ${describeMachineCpu(f.machineCpu)}`,
    ...(f.rssGrowth ? [`  memory: ${describeRssGrowth(f.rssGrowth)}`] : []),
    ...(f.stepped ? ['  steps:', ...describeSteps(f.stepped)] : []),
    ...f.baselines.flatMap((b) => [
      `  baseline ${b.name}: ack p50 ${b.ack.p50} p99 ${b.ack.p99} ms, answered ${b.answeredPerSecond}/s, CPU ms per answered bid ${describeCpu(b)} → ours ÷ limit: ${ratios(f, b).join(', ')}`,
      ...(b.stepped ? describeSteps(b.stepped) : []),
    ]),
    ...(f.unitCosts
      ? [
          `  costs: engine CPU ${f.unitCosts.engineCpuMs} ms (${f.unitCosts.engineCpuMsPerAnsweredBid} per answered bid, ${f.unitCosts.engineCpuMsPerDelivery} per delivery, ${f.unitCosts.engineCpuMsPerSocketMinute} per socket-minute)`,
          `         PostgreSQL CPU ${f.unitCosts.postgresCpuMs} ms (${f.unitCosts.postgresCpuMsPerAnsweredBid} per answered bid), ${f.unitCosts.commitsPerAnsweredBid} commits per answered bid, ${f.unitCosts.walBytesPerAcceptedBid} WAL bytes and ${f.unitCosts.redisCommandsPerAcceptedBid} Redis commands per accepted bid`,
        ]
      : []),
    `  judge: ${violations.length} violation(s)`,
    ...violations.slice(0, 50).map((v) => `    ${v.rule}: ${v.message}`),
    ...(violations.length > 50 ? [`    … and ${violations.length - 50} more`] : []),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function describeDecision(d: NonNullable<Figures['decision']>): string {
  return `p50 ${d.p50} ms, p99 ${d.p99} ms (receipt to committed answer, bucket bounds); the rest of an ack is transport and waiting for a core`;
}

export function describePhases(f: Figures): string {
  const { opening, after, openings } = f.ackByPhase;
  return (
    `bid ack in the first ${OPENING_BURST_MS / 1000} s of a lot: ${opening.count} bids, p50 ${opening.p50} p99 ${opening.p99} ms; later: ${after.count} bids, p50 ${after.p50} p99 ${after.p99} ms; ` +
    `each opening's own p99: median ${openings.p99Median}, worst ${openings.p99Worst} ms of ${openings.openings}, the slowest 1 % of bids from ${openings.slowestFromLots} lot(s)`
  );
}

export function describeCpu(b: BaselineFigures): string {
  const { server, postgres } = b.cpuMsPerAnsweredBid;
  return server === null ? `PostgreSQL ${postgres}` : `server ${server} / PostgreSQL ${postgres}`;
}

/**
 * ours ÷ limit for the figures a baseline has (ack p50, ack p99, broadcast p99, answered/s; for a
 * stepped closed loop also the most answered per second within the ack p99 limit and at saturation).
 */
export function ratios(f: Figures, b: BaselineFigures): string[] {
  const ratio = (ours: number, limit: number) =>
    limit > 0 && Number.isFinite(ours) && Number.isFinite(limit) ? (ours / limit).toFixed(2) : 'n/a';
  const stepped = f.stepped && b.stepped ? { ours: f.stepped, limit: b.stepped } : null;
  return [
    `ack p50 ${ratio(f.ack.p50, b.ack.p50)}`,
    `ack p99 ${ratio(f.ack.p99, b.ack.p99)}`,
    ...(b.broadcast.count > 0 ? [`broadcast p99 ${ratio(f.broadcast.p99, b.broadcast.p99)}`] : []),
    `answered/s ${ratio(f.answeredPerSecond, b.answeredPerSecond)}`,
    ...(stepped
      ? [
          `most answered/s within the ack p99 limit ${ratio(stepped.ours.withinLimit?.answeredPerSecond ?? 0, stepped.limit.withinLimit?.answeredPerSecond ?? 0)}`,
          `most answered/s at saturation ${ratio(stepped.ours.saturation.answeredPerSecond, stepped.limit.saturation.answeredPerSecond)}`,
        ]
      : []),
  ];
}
