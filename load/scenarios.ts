/** The load scenarios `npm run load -- --scenario NAME` knows. */
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
  defaultMinutes: number;
}

export interface SignupScenario {
  kind: 'signups';
  name: string;
  summary: string;
  waves: Array<{ users: number; windowMs: number }>;
  defaultMinutes: number;
}

export interface UnavailableScenario {
  kind: 'unavailable';
  name: string;
  summary: string;
  reason: string;
}

export type Scenario = AuctionScenario | SignupScenario | UnavailableScenario;

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

const NOT_YET = 'not yet: the auction format it needs is still being built; this scenario is refused until it lands';

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
  auction('max', 'closed loop: 20 auctions × 25 bidders, each bids again as soon as answered', {
    auctions: 20,
    biddersPerAuction: 25,
    meanIntervalMs: 0,
    valuations: false,
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
  { kind: 'unavailable', name: 'managers', summary: 'managers nominating in turn', reason: NOT_YET },
  { kind: 'unavailable', name: 'proxies', summary: 'proxy bids', reason: NOT_YET },
];

export function findScenario(name: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.name === name);
}
