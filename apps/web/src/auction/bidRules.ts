import { minimumNextBid, openSlots } from '@auction/auction-domain';
import type { AuctionSnapshot, CurrentLot, SnapshotManager, SnapshotSettings } from '@auction/contracts';
import { formatMoney } from '../lib/format';

export interface BidContext {
  snapshot: AuctionSnapshot | null;
  myUserId: string | null;
  connected: boolean;
  /** Server-clock time left on the current lot, when known. */
  remainingMs: number | null;
  /** Sport word for one asset, e.g. "Club". */
  assetWord: string;
}

export type BlockCode =
  | 'offline'
  | 'loading'
  | 'completed'
  | 'scheduled'
  | 'paused'
  | 'not-manager'
  | 'no-lot'
  | 'time-up'
  | 'roster-full'
  | 'high-bidder'
  | 'invalid-amount'
  | 'too-low'
  | 'over-max';

export interface BidBlock {
  code: BlockCode;
  /** Plain words for the user, shown next to the disabled controls. */
  reason: string;
}

/** The least the next bid on this lot may be: the auction's own rule, with the lot's opening bid. */
export function nextMinimumBid(lot: Pick<CurrentLot, 'highBid' | 'openingBid'>, settings: Pick<SnapshotSettings, 'minIncrement'>): number {
  return minimumNextBid(lot.highBid, { openingBid: lot.openingBid, minIncrement: settings.minIncrement });
}

export function findManager(snapshot: AuctionSnapshot | null, userId: string | null): SnapshotManager | null {
  if (!snapshot || !userId) return null;
  return snapshot.managers.find((m) => m.userId === userId) ?? null;
}

export function isRosterFull(manager: SnapshotManager, settings: Pick<SnapshotSettings, 'rosterSize'>): boolean {
  return openSlots(manager.roster.length, settings.rosterSize) === 0;
}

/** Why no bid at all is possible right now, or null when bidding is open to me. */
export function biddingBlock(ctx: BidContext): BidBlock | null {
  const { snapshot } = ctx;
  const asset = ctx.assetWord.toLowerCase();
  if (!snapshot) return { code: 'loading', reason: 'Loading the auction…' };
  if (snapshot.status === 'completed') return { code: 'completed', reason: 'The auction has finished.' };
  if (snapshot.status === 'scheduled')
    return { code: 'scheduled', reason: 'The auction hasn’t started yet — bidding opens with the first lot.' };
  if (!ctx.connected) return { code: 'offline', reason: 'You’re offline — bidding comes back when you reconnect.' };
  const me = findManager(snapshot, ctx.myUserId);
  if (!me) return { code: 'not-manager', reason: 'You’re watching — only managers in this league can bid.' };
  if (snapshot.status === 'paused') return { code: 'paused', reason: 'The auction is paused — wait for the commissioner to resume it.' };
  if (isRosterFull(me, snapshot.settings)) return { code: 'roster-full', reason: 'Your squad is full — you can’t bid on more.' };
  const lot = snapshot.currentLot;
  if (!lot) return { code: 'no-lot', reason: `Waiting for the next ${asset} to open.` };
  if (ctx.remainingMs !== null && ctx.remainingMs <= 0)
    return { code: 'time-up', reason: 'Time’s up on this lot — waiting for the result.' };
  if (lot.highBidderId === me.userId) return { code: 'high-bidder', reason: 'You have the highest bid.' };
  const min = nextMinimumBid(lot, snapshot.settings);
  if (min > me.maxBid) {
    return {
      code: 'over-max',
      reason: `The next bid (${formatMoney(min)}) is over your max bid of ${formatMoney(me.maxBid)}.`,
    };
  }
  return null;
}

/** Why this amount cannot be bid, or null when it can. */
export function checkBid(ctx: BidContext, amount: number): BidBlock | null {
  const block = biddingBlock(ctx);
  if (block) return block;
  const lot = ctx.snapshot!.currentLot!;
  const me = findManager(ctx.snapshot, ctx.myUserId)!;
  if (!Number.isInteger(amount) || amount <= 0) {
    return { code: 'invalid-amount', reason: 'Enter a whole number of millions, like 12.' };
  }
  const min = nextMinimumBid(lot, ctx.snapshot!.settings);
  if (amount < min) return { code: 'too-low', reason: `The next bid must be at least ${formatMoney(min)}.` };
  if (amount > me.maxBid) return { code: 'over-max', reason: `That’s over your max bid of ${formatMoney(me.maxBid)}.` };
  return null;
}

export interface QuickBid {
  key: 'min' | 'plus5' | 'plus10';
  label: string;
  amount: number;
  block: BidBlock | null;
}

/** The three quick bids: the next minimum, and the current price + 5 and + 10. */
export function quickBids(ctx: BidContext): QuickBid[] {
  const snapshot = ctx.snapshot;
  const lot = snapshot?.currentLot;
  if (!snapshot || !lot) {
    const block = biddingBlock(ctx);
    return (['min', 'plus5', 'plus10'] as const).map((key) => ({ key, label: labelFor(key), amount: 0, block }));
  }
  const min = nextMinimumBid(lot, snapshot.settings);
  const base = lot.highBid ?? 0;
  const amounts = { min, plus5: Math.max(min, base + 5), plus10: Math.max(min, base + 10) };
  return (['min', 'plus5', 'plus10'] as const).map((key) => ({
    key,
    label: labelFor(key),
    amount: amounts[key],
    block: checkBid(ctx, amounts[key]),
  }));
}

function labelFor(key: QuickBid['key']): string {
  return key === 'min' ? 'Next bid' : key === 'plus5' ? '+5' : '+10';
}
