import type { AcceptedBid } from '@auction/contracts';
import { checkBid, type BidCheck } from '@auction/auction-domain';
import type { BidContext, BidKey } from '../../data/bids.repository.js';

/** Auctions remembered at most; the oldest seen is forgotten first. */
const MAX_AUCTIONS = 2000;

/** A bid beaten on a view: its refusal there, and the high bid that beat it. */
/** What a written bid tells of its lot. */
export type WrittenBid = Pick<AcceptedBid, 'auctionId' | 'lotId' | 'seq' | 'amount' | 'endsAt'>;

export interface Beaten {
  refusal: Extract<BidCheck, { ok: false }>;
  highBid: number;
}

interface SeenAuction {
  seq: number;
  live: boolean;
  minIncrement: number;
  openingBid: number;
  lot: { id: string; open: boolean; highBid: number | null; endsAt: number | null } | null;
}

/**
 * What this replica last saw of each auction's open lot, by seq: from the context reads and the
 * bids it accepted. When a lot's bidders all bid at once (its opening), most bids are already
 * beaten by one accepted a moment before. Such a bid needs no read of the auction: one statement
 * (for all such bids at that moment, BeatenRefusals) checks it is still beaten (BidsRepository.refuseAllIfStillBeaten) and keeps its refusal. Only a
 * bid too low for the view is picked here; anything else goes the usual way.
 */
export class SeenLots {
  private readonly auctions = new Map<string, SeenAuction>();

  /** Keeps a context read's view of its auction if it is the newest seen. */
  saw(key: BidKey, context: BidContext): void {
    const { auction, lot } = context;
    if (!auction) return;
    const known = this.auctions.get(key.auctionId);
    if (known && known.seq >= auction.seq) return;
    this.remember(key.auctionId, {
      seq: auction.seq,
      live: auction.status === 'live',
      minIncrement: auction.settings.minIncrement,
      openingBid: auction.settings.openingBid,
      lot: lot && { id: lot.id, open: lot.status === 'open', highBid: lot.highBid, endsAt: lot.endsAt?.getTime() ?? null },
    });
  }

  /** Bids just written (a bid and its proxies' answers, in seq order), here or elsewhere: the lot's new high bid and deadline. */
  accepted(written: readonly WrittenBid[]): void {
    const last = written.at(-1);
    const known = last && this.auctions.get(last.auctionId);
    if (!known || known.seq >= last.seq || known.lot?.id !== last.lotId) return;
    known.seq = last.seq;
    known.lot = { ...known.lot, highBid: last.amount, endsAt: new Date(last.endsAt).getTime() };
  }

  /**
   * The refusal the newest view seen gives this bid when it is under the open lot's next minimum
   * there (BID_TOO_LOW, in checkBid's words), with that view's high bid; null for any other bid.
   */
  beaten(key: BidKey, amount: number, now: Date): Beaten | null {
    const known = this.auctions.get(key.auctionId);
    const lot = known?.lot;
    if (!known?.live || !lot?.open || lot.id !== key.lotId || lot.highBid === null) return null;
    const check = checkBid({
      auctionStatus: 'live',
      lot: { status: 'open', highBid: lot.highBid, endsAt: lot.endsAt === null ? null : new Date(lot.endsAt) },
      settings: { openingBid: known.openingBid, minIncrement: known.minIncrement, rosterSize: Number.POSITIVE_INFINITY },
      // Manager, purse and roster are checked by the statement that keeps the refusal: only the amount is judged here.
      bidder: { isManager: true, budgetRemaining: Number.POSITIVE_INFINITY, rosterCount: 0 },
      amount,
      now,
    });
    return !check.ok && check.code === 'BID_TOO_LOW' ? { refusal: check, highBid: lot.highBid } : null;
  }

  private remember(auctionId: string, seen: SeenAuction): void {
    this.auctions.delete(auctionId);
    this.auctions.set(auctionId, seen);
    if (this.auctions.size > MAX_AUCTIONS) this.auctions.delete(this.auctions.keys().next().value!);
  }
}
