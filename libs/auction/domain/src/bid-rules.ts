import type { ErrorCode } from '@auction/contracts';

export type AuctionStatus = 'scheduled' | 'live' | 'paused' | 'completed';
export type LotStatus = 'pending' | 'open' | 'sold' | 'unsold';

export interface BidSettings {
  openingBid: number;
  minIncrement: number;
  rosterSize: number;
}

export interface BidLot {
  status: LotStatus;
  endsAt: Date | null;
  highBid: number | null;
}

export interface Bidder {
  isManager: boolean;
  budgetRemaining: number;
  rosterCount: number;
}

export interface BidInput {
  auctionStatus: AuctionStatus;
  lot: BidLot;
  settings: BidSettings;
  bidder: Bidder;
  amount: number;
  now: Date;
}

export type BidRefusalCode = Extract<
  ErrorCode,
  | 'VALIDATION_FAILED'
  | 'NOT_A_MANAGER'
  | 'AUCTION_COMPLETED'
  | 'AUCTION_PAUSED'
  | 'AUCTION_NOT_STARTED'
  | 'LOT_CLOSED'
  | 'ROSTER_FULL'
  | 'BID_TOO_LOW'
  | 'BUDGET_EXCEEDED'
>;

export type BidCheck = { ok: true } | { ok: false; code: BidRefusalCode; message: string };

/** The most a manager may bid while keeping the opening bid for each other open slot. */
export function maxBid(budgetRemaining: number, openSlots: number, openingBid: number): number {
  if (openSlots <= 0) return 0;
  return Math.max(0, budgetRemaining - (openSlots - 1) * openingBid);
}

export function minimumNextBid(highBid: number | null, settings: Pick<BidSettings, 'openingBid' | 'minIncrement'>): number {
  if (highBid === null) return settings.openingBid;
  return Math.max(settings.openingBid, highBid + settings.minIncrement);
}

export function openSlots(rosterCount: number, rosterSize: number): number {
  return Math.max(0, rosterSize - rosterCount);
}

export function bidderMaxBid(bidder: Bidder, settings: BidSettings): number {
  return maxBid(bidder.budgetRemaining, openSlots(bidder.rosterCount, settings.rosterSize), settings.openingBid);
}

const accepted: BidCheck = { ok: true };

function refuse(code: BidRefusalCode, message: string): BidCheck {
  return { ok: false, code, message };
}

/**
 * Decides whether a bid may be accepted. A malformed amount is refused before any state is
 * looked at; the state checks then run in the order of the contract, so a user always hears
 * about the most fundamental problem first.
 */
export function checkBid(input: BidInput): BidCheck {
  return (
    checkAmountShape(input.amount) ??
    checkBidder(input.bidder) ??
    checkAuctionStatus(input.auctionStatus) ??
    checkLotOpen(input.lot, input.now) ??
    checkRosterSpace(input.bidder, input.settings) ??
    checkAmountHighEnough(input) ??
    checkAffordable(input) ??
    accepted
  );
}

function checkAmountShape(amount: number): BidCheck | undefined {
  if (Number.isSafeInteger(amount) && amount > 0) return undefined;
  return refuse('VALIDATION_FAILED', 'A bid must be a whole number greater than 0');
}

function checkBidder(bidder: Bidder): BidCheck | undefined {
  if (bidder.isManager) return undefined;
  return refuse('NOT_A_MANAGER', 'Only managers of this league can bid');
}

function checkAuctionStatus(status: AuctionStatus): BidCheck | undefined {
  if (status === 'completed') return refuse('AUCTION_COMPLETED', 'The auction has ended');
  if (status === 'paused') return refuse('AUCTION_PAUSED', 'The auction is paused');
  if (status === 'scheduled') return refuse('AUCTION_NOT_STARTED', 'The auction has not started yet');
  return undefined;
}

/** An open lot without a deadline is an inconsistent state: refusing keeps it unchanged. */
function checkLotOpen(lot: BidLot, now: Date): BidCheck | undefined {
  const open = lot.status === 'open' && lot.endsAt !== null && now.getTime() < lot.endsAt.getTime();
  return open ? undefined : refuse('LOT_CLOSED', 'This lot is closed for bidding');
}

function checkRosterSpace(bidder: Bidder, settings: BidSettings): BidCheck | undefined {
  if (bidder.rosterCount < settings.rosterSize) return undefined;
  return refuse('ROSTER_FULL', 'Your roster is full');
}

function checkAmountHighEnough({ amount, lot, settings }: BidInput): BidCheck | undefined {
  const minimum = minimumNextBid(lot.highBid, settings);
  if (amount >= minimum) return undefined;
  return refuse('BID_TOO_LOW', `Your bid must be at least ${minimum}`);
}

function checkAffordable({ amount, bidder, settings }: BidInput): BidCheck | undefined {
  const limit = bidderMaxBid(bidder, settings);
  if (amount <= limit) return undefined;
  return refuse('BUDGET_EXCEEDED', `Your maximum bid is ${limit}, keeping enough budget to fill your roster`);
}
