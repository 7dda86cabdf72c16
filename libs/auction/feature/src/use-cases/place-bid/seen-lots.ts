import type { AcceptedBid } from '@auction/contracts';
import { checkBid, type BidCheck } from '@auction/auction-domain';
import type { BidContext, BidKey, LotInPlay } from '../../data/bids.repository.js';

/** Auctions remembered at most; the oldest seen is forgotten first. */
const MAX_AUCTIONS = 2000;

/** What a written bid tells of its lot. */
export type WrittenBid = Pick<AcceptedBid, 'auctionId' | 'lotId' | 'bidderId' | 'seq' | 'amount' | 'endsAt'>;

/** A bid beaten on a view: its refusal there, and the high bid that beat it. */
export interface Beaten {
  refusal: Extract<BidCheck, { ok: false }>;
  highBid: number;
}

type Purse = NonNullable<BidContext['bidder']>;

interface SeenAuction {
  seq: number;
  live: boolean;
  minIncrement: number;
  openingBid: number;
  lot: { id: string; open: boolean; highBid: number | null; endsAt: number | null } | null;
  /**
   * The auction, its open lot and the lot's proxies exactly as they are at `seq`: from a read, moved
   * on only by bids of the next seqs on that lot; gone at the first seq this replica did not hear of.
   */
  current: LotInPlay | null;
  /** Each bidder's purse as last read (they may have spent since: a write on it checks it is still so). */
  purses: Map<string, Purse>;
}

/**
 * What this replica last saw of each auction's open lot, by seq: from the context reads and the
 * bids it accepted. When a lot's bidders all bid at once (its opening), most bids are already
 * beaten by one accepted a moment before. Such a bid needs no read of the auction: one statement
 * (for all such bids at that moment, BeatenRefusals) checks it is still beaten
 * (BidsRepository.refuseAllIfStillBeaten) and keeps its refusal. Only a bid too low for the view is
 * picked there. A bid on a lot this replica holds as it is now (`current`) needs no read either: it
 * is decided on that view, and written only if the auction, its proxies and the bidder's purse are
 * still as seen (BidsRepository.acceptAllIfCurrent).
 */
export class SeenLots {
  private readonly auctions = new Map<string, SeenAuction>();

  /** Keeps a context read's view of its auction if it is the newest seen, and the bidder's purse in it. */
  saw(key: BidKey, context: BidContext): void {
    const { auction, lot, proxies, bidder } = context;
    if (!auction) return;
    let known = this.auctions.get(key.auctionId);
    if (known && known.seq > auction.seq) return;
    if (!known || known.seq < auction.seq) {
      known = {
        seq: auction.seq,
        live: auction.status === 'live',
        minIncrement: auction.settings.minIncrement,
        openingBid: auction.settings.openingBid,
        lot: lot && { id: lot.id, open: lot.status === 'open', highBid: lot.highBid, endsAt: lot.endsAt?.getTime() ?? null },
        current: null,
        purses: known?.purses ?? new Map(),
      };
      this.remember(key.auctionId, known);
    }
    if (lot?.status === 'open') known.current ??= { auction, lot, proxies };
    if (bidder) known.purses.set(key.bidderId, bidder);
    else known.purses.delete(key.bidderId);
  }

  /** Bids just written (a bid and its proxies' answers, in seq order), here or elsewhere: the lot's new high bid and deadline. */
  accepted(written: readonly WrittenBid[]): void {
    for (const bid of written) this.moveOn(bid);
  }

  /**
   * The bid's lot as it is now, with the bidder's purse as last read, if this replica holds both:
   * what a read would give, but for an earlier answer to its clientBidId (the write checks there is
   * none). Null otherwise.
   */
  current(key: BidKey): BidContext | null {
    const known = this.auctions.get(key.auctionId);
    const view = known?.current;
    const bidder = known?.purses.get(key.bidderId);
    if (!view || view.lot!.id !== key.lotId || !bidder) return null;
    return { ...view, bidder, earlierBid: null, earlierRefusal: null };
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

  private moveOn(bid: WrittenBid): void {
    const known = this.auctions.get(bid.auctionId);
    if (!known || known.seq >= bid.seq) return;
    const next = bid.seq === known.seq + 1 && known.current?.lot!.id === bid.lotId;
    known.current = next ? withBid(known.current!, bid) : null;
    if (known.lot?.id !== bid.lotId) return;
    known.seq = bid.seq;
    known.lot = { ...known.lot, highBid: bid.amount, endsAt: new Date(bid.endsAt).getTime() };
  }

  private remember(auctionId: string, seen: SeenAuction): void {
    this.auctions.delete(auctionId);
    this.auctions.set(auctionId, seen);
    if (this.auctions.size > MAX_AUCTIONS) this.auctions.delete(this.auctions.keys().next().value!);
  }
}

/** A lot in play after a bid on it: what the accept statement changes (the auction's seq, the lot's high bid and deadline). */
function withBid(view: LotInPlay, bid: WrittenBid): LotInPlay {
  return {
    ...view,
    auction: { ...view.auction!, seq: bid.seq },
    lot: { ...view.lot!, highBid: bid.amount, highBidderId: bid.bidderId, endsAt: new Date(bid.endsAt) },
  };
}
