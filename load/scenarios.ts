/** The load scenarios `npm run load -- --scenario NAME` knows. */
import type { CreateLeagueRequest } from '@auction/contracts';
import { MANAGERS_SETTINGS, PROXY_SHARE } from './formats.js';

export interface AuctionScenario {
  kind: 'auction';
  name: string;
  summary: string;
  auctions: number;
  biddersPerAuction: number;
  /** Connected sockets beyond the bidders: signed-in people who only hold a connection (heartbeats). */
  idleSockets: number;
  /** Mean pause (exponential) between one bidder's answer and their next bid; 0 is a closed loop. */
  meanIntervalMs: number;
  /**
   * Each bidder values each lot at a random amount and stops there, and does not outbid
   * themselves, so lots close as in a real room. Off in a closed loop, which bids regardless.
   */
  valuations: boolean;
  /** When an auction completes before the run ends, its people start another one (a long evening). */
  renew: boolean;
  /** League settings beyond the load run's (LOAD_LEAGUE_SETTINGS), e.g. `managers` nomination mode. */
  settings?: Partial<CreateLeagueRequest>;
  /**
   * Share of each auction's bidders on proxies: on each lot they set their maximum (their value
   * of it) once and never bid by hand; the engine bids for them.
   */
  proxyShare?: number;
  /**
   * A closed loop run in equal steps: in step k only the first `steps[k]` bidders of each auction
   * bid, so the bids in flight rise step by step and the report finds the most answered per second
   * with ack p99 within `STEP_ACK_P99_LIMIT_MS` (and at saturation, the most of any step).
   */
  steps?: readonly number[];
  defaultMinutes: number;
}

/** `max` looks for the most bids answered per second with ack p99 at or under this. */
export const STEP_ACK_P99_LIMIT_MS = 250;
/** The first part of each step is left out of its figures: the queues of the step before are still draining. */
export const STEP_SETTLE_SHARE = 0.15;

/**
 * Every run (and every baseline) bids this long before its measured time starts, so that its
 * figures are those of warm processes (compiled code, open database connections, prepared
 * statements), as in production. The judge judges those bids too; the figures leave them out.
 */
export const WARM_UP_MS = 5000;

/** The step a moment of the run falls in (0-based; the warm-up counts as the first), for a run of `durationMs`. */
export function stepAt(scenario: AuctionScenario, elapsedMs: number, durationMs: number): number {
  const steps = scenario.steps?.length ?? 1;
  return Math.min(steps - 1, Math.floor((Math.max(0, elapsedMs) / durationMs) * steps));
}

/** Whether the bidder at `index` in its auction bids at this moment (always, outside stepped runs). */
export function biddingNow(scenario: AuctionScenario, index: number, elapsedMs: number, durationMs: number): boolean {
  if (!scenario.steps) return true;
  return index < scenario.steps[stepAt(scenario, elapsedMs, durationMs)]!;
}

export interface SignupScenario {
  kind: 'signups';
  name: string;
  summary: string;
  waves: Array<{ users: number; windowMs: number }>;
  defaultMinutes: number;
}

export type Scenario = AuctionScenario | SignupScenario;

function auction(
  name: string,
  summary: string,
  shape: Partial<AuctionScenario> & Pick<AuctionScenario, 'auctions' | 'biddersPerAuction'>,
): AuctionScenario {
  return {
    kind: 'auction',
    name,
    summary,
    idleSockets: 0,
    meanIntervalMs: 1000,
    valuations: true,
    renew: false,
    defaultMinutes: 1,
    ...shape,
  };
}

export const SCENARIOS: readonly Scenario[] = [
  auction('10', '10 bidders in one auction', { auctions: 1, biddersPerAuction: 10 }),
  auction('150', '150 bidders in one auction', { auctions: 1, biddersPerAuction: 150 }),
  auction('200', '200 bidders in one auction', { auctions: 1, biddersPerAuction: 200 }),
  auction('50x3', '3 auctions at once, 50 bidders each', { auctions: 3, biddersPerAuction: 50, meanIntervalMs: 2000 }),
  auction('50x20', '20 auctions at once, 50 bidders each (1,000 sockets)', { auctions: 20, biddersPerAuction: 50, meanIntervalMs: 2000 }),
  auction('idle', '10,000 connected sockets, 3 auctions of 20 bidders live', {
    auctions: 3,
    biddersPerAuction: 20,
    idleSockets: 10_000 - 60,
    meanIntervalMs: 2000,
    defaultMinutes: 2,
  }),
  auction('max', 'closed loop: 20 auctions, 1 to 25 bidders each in 12 steps, each bidding again as soon as answered', {
    auctions: 20,
    biddersPerAuction: 25,
    meanIntervalMs: 0,
    valuations: false,
    steps: [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 19, 25],
    defaultMinutes: 1.5,
  }),
  auction('endurance', '150 bidders at the rate of a real evening, auction after auction', {
    auctions: 1,
    biddersPerAuction: 150,
    meanIntervalMs: 5000,
    renew: true,
    defaultMinutes: 120,
  }),
  {
    kind: 'signups',
    name: 'signups',
    summary: 'sign-ups by mailed link: 100 in 6 s, then 1,000 in 20 s',
    waves: [
      { users: 100, windowMs: 6000 },
      { users: 1000, windowMs: 20_000 },
    ],
    defaultMinutes: 1,
  },
  auction('managers', '150 managers nominating in turn (3 s lots, 10 s to nominate), bidding as in 150', {
    auctions: 1,
    biddersPerAuction: 150,
    settings: MANAGERS_SETTINGS,
  }),
  auction('proxies', `150 bidders in one auction, ${PROXY_SHARE * 100} % of them on proxies`, {
    auctions: 1,
    biddersPerAuction: 150,
    proxyShare: PROXY_SHARE,
  }),
];

export function findScenario(name: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.name === name);
}
