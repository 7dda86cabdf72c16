import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type AcceptedBid, type ErrorCode, type PlaceBidRequest } from '@auction/contracts';
import { checkBid, deadlineAfterBid } from '@auction/auction-domain';
import { CLOCK, type Clock } from '@auction/platform';
import { RateLimits, type Limiter } from '@auction/rate-limit';
import { AuctionBroadcaster } from '../auctions/auction-broadcaster.js';
import { AuctionsRepository } from '../auctions/auctions.repository.js';
import { LotCloser } from '../lots/lot-closer.js';
import { bidProcessingSeconds, bidsTotal } from '../metrics.js';
import { BidsRepository } from './bids.repository.js';

export interface PlaceBidInput extends PlaceBidRequest {
  auctionId: string;
  bidderId: string;
}

type Outcome =
  | { kind: 'accepted'; bid: AcceptedBid; replay: boolean }
  | { kind: 'refused'; code: ErrorCode; message: string; replay: boolean };

/** 10 bids per second per user, shared by HTTP and the socket (same limiter, same Redis key). */
export const BID_RATE = { name: 'bids', points: 10, durationSeconds: 1 };

/**
 * One transaction per bid: lock the auction row (bids of one auction serialise, across
 * replicas), read the lot and bidder, decide with `checkBid` at the transaction's serverTime,
 * then write bid + seq + high bid + deadline. The answer is given only after COMMIT; a
 * refusal changes no auction state, and its first answer is kept for retries.
 */
@Injectable()
export class PlaceBid {
  private readonly limiter: Limiter;

  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly bids: BidsRepository,
    private readonly broadcaster: AuctionBroadcaster,
    private readonly closer: LotCloser,
    rateLimits: RateLimits,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.limiter = rateLimits.limiter(BID_RATE);
  }

  async execute(input: PlaceBidInput): Promise<AcceptedBid> {
    const started = process.hrtime.bigint();
    try {
      await this.limiter.consume(input.bidderId);
    } catch (error) {
      bidsTotal.inc({ result: 'RATE_LIMITED' });
      throw error;
    }
    const outcome = await this.decide(input);
    bidProcessingSeconds.observe(Number(process.hrtime.bigint() - started) / 1e9);
    if (outcome.kind === 'refused') {
      bidsTotal.inc({ result: outcome.code });
      throw new DomainError(outcome.code, outcome.message);
    }
    bidsTotal.inc({ result: 'accepted' });
    if (!outcome.replay) {
      this.broadcaster.bidAccepted(outcome.bid);
      this.closer.watch(new Date(outcome.bid.endsAt));
    }
    return outcome.bid;
  }

  private decide(input: PlaceBidInput): Promise<Outcome> {
    return this.auctions.transaction(async (db): Promise<Outcome> => {
      const auction = await this.auctions.lockAuction(db, input.auctionId);
      if (!auction) throw new DomainError('NOT_FOUND', 'There is no such auction.');
      const context = await this.bids.context(db, auction.id, input.lotId, input.bidderId, input.clientBidId);
      if (context.earlierBid) return { kind: 'accepted', bid: context.earlierBid, replay: true };
      if (context.earlierRefusal) {
        return { kind: 'refused', code: context.earlierRefusal.code as ErrorCode, message: context.earlierRefusal.message, replay: true };
      }
      const serverTime = this.clock.now();
      const lot = context.lot ?? { status: 'pending' as const, endsAt: null, highBid: null };
      const check = checkBid({
        auctionStatus: auction.status,
        lot,
        settings: auction.settings,
        bidder: context.bidder ? { isManager: true, ...context.bidder } : { isManager: false, budgetRemaining: 0, rosterCount: 0 },
        amount: input.amount,
        now: serverTime,
      });
      if (!check.ok) {
        // A non-manager's ids are not kept: nothing they send may grow our tables.
        if (check.code !== 'NOT_A_MANAGER') {
          await this.bids.recordRefusal(db, { ...refusalKey(input), code: check.code, message: check.message, at: serverTime });
        }
        return { kind: 'refused', code: check.code, message: check.message, replay: false };
      }
      const endsAt = deadlineAfterBid(context.lot!.endsAt!, serverTime, auction.settings.antiSnipeSeconds);
      const bid = await this.bids.accept(db, { ...refusalKey(input), lotId: input.lotId, amount: input.amount, serverTime, endsAt });
      return { kind: 'accepted', bid, replay: false };
    });
  }
}

function refusalKey(input: PlaceBidInput) {
  return { auctionId: input.auctionId, bidderId: input.bidderId, clientBidId: input.clientBidId };
}
