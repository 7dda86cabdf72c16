import { bidderMaxBid, minimumNextBid, type Bidder, type BidSettings } from './bid-rules.js';

export interface Proxy {
  userId: string;
  maxAmount: number;
  /** When the maximum was last set; a change counts as setting it anew. */
  setAt: Date;
}

export interface ProxyLotState {
  highBid: number | null;
  highBidderId: string | null;
  settings: BidSettings;
  /** The lot's proxies, one per manager at most. */
  proxies: readonly Proxy[];
  /** Books of every manager, for the max-bid rule of SPEC §2; a proxy of anyone missing here never bids. */
  managers: Readonly<Record<string, Bidder>>;
}

export interface ProxyBid {
  bidderId: string;
  amount: number;
}

interface Contender {
  userId: string;
  /** The most this contender can come to lead at. */
  capacity: number;
  setAt: number;
}

/**
 * The proxy bids the engine must place at once, in order, on an open lot (SPEC §8), after
 * anything changed it: a manual bid, a nomination, the lot opening, or a proxy set or changed.
 * Each bid is legal when placed (at least the high bid + increment, within the bidder's
 * maximum and max bid) and is made by someone not leading. When the lot is settled, no
 * rival proxy can top the high bid.
 *
 * Against the leader, the strongest two contenders settle second-price: the higher capacity
 * leads at the lower one + increment (capped at its own); equal capacities go to the proxy set
 * first, at that capacity. The runner-up's proxy shows how far it went with one bid, the highest
 * that leaves the winner room for one increment.
 */
export function settleProxies(state: ProxyLotState): ProxyBid[] {
  const bids: ProxyBid[] = [];
  let lot = { highBid: state.highBid, highBidderId: state.highBidderId };
  for (let step = settlementStep(state, lot); step.length > 0; step = settlementStep(state, lot)) {
    bids.push(...step);
    const last = step[step.length - 1];
    lot = { highBid: last.amount, highBidderId: last.bidderId };
  }
  return bids;
}

type LotPosition = Pick<ProxyLotState, 'highBid' | 'highBidderId'>;

function settlementStep(state: ProxyLotState, lot: LotPosition): ProxyBid[] {
  const next = minimumNextBid(lot.highBid, state.settings);
  const rivals = proxyContenders(state)
    .filter((c) => c.userId !== lot.highBidderId && c.capacity >= next)
    .sort(strongestFirst);
  if (rivals.length === 0) return [];
  const [winner, runnerUp] = [...rivals, ...leaderContender(state, lot)].sort(strongestFirst);
  if (runnerUp === undefined) return [{ bidderId: winner.userId, amount: next }];
  const bids = secondPriceBids(winner, runnerUp, lot.highBidderId, next, state.settings.minIncrement);
  // The leader wins but the increment leaves it no answer to any bid a rival can make:
  // the strongest rival takes the lead with the least that leads.
  return bids.length > 0 ? bids : [{ bidderId: rivals[0].userId, amount: next }];
}

function secondPriceBids(winner: Contender, runnerUp: Contender, leaderId: string | null, next: number, increment: number): ProxyBid[] {
  const price = winner.capacity > runnerUp.capacity ? Math.min(winner.capacity, runnerUp.capacity + increment) : winner.capacity;
  const runnerUpBid = Math.min(runnerUp.capacity, price - increment);
  const runnerUpBids = runnerUp.userId !== leaderId && runnerUpBid >= next ? [{ bidderId: runnerUp.userId, amount: runnerUpBid }] : [];
  const leaderBeforeWinner = runnerUpBids.length > 0 ? runnerUp.userId : leaderId;
  const winnerBids = winner.userId !== leaderBeforeWinner ? [{ bidderId: winner.userId, amount: price }] : [];
  return [...runnerUpBids, ...winnerBids];
}

/** Every proxy with the most it may bid now: its maximum, capped by the max-bid rule (0 with a full roster). */
function proxyContenders({ proxies, managers, settings }: ProxyLotState): Contender[] {
  return proxies.flatMap((proxy) => {
    const manager = managers[proxy.userId];
    if (manager === undefined || !manager.isManager) return [];
    const capacity = Math.min(proxy.maxAmount, bidderMaxBid(manager, settings));
    return [{ userId: proxy.userId, capacity, setAt: proxy.setAt.getTime() }];
  });
}

/** The high bidder holds the lead up to the larger of their bid and their own proxy's capacity. */
function leaderContender(state: ProxyLotState, lot: LotPosition): Contender[] {
  if (lot.highBidderId === null || lot.highBid === null) return [];
  const own = proxyContenders(state).find((c) => c.userId === lot.highBidderId);
  const capacity = Math.max(lot.highBid, own?.capacity ?? 0);
  return [{ userId: lot.highBidderId, capacity, setAt: own?.setAt ?? Number.NEGATIVE_INFINITY }];
}

function strongestFirst(a: Contender, b: Contender): number {
  return b.capacity - a.capacity || a.setAt - b.setAt || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);
}
