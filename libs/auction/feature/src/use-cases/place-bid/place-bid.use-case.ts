import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type AcceptedBid, type ErrorCode, type PlaceBidRequest } from '@auction/contracts';
import { checkBid, deadlineAfterAcceptedBid, type BidCheck } from '@auction/auction-domain';
import { Transactor, type DatabaseHandle, type Transaction } from '@auction/db';
import type { Logger } from '@auction/observability';
import { CLOCK, DATABASE, Drain, LOGGER, onNextTick, type Clock } from '@auction/platform';
import { RateLimits, type Limiter } from '@auction/rate-limit';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import { BidsRepository, type BidContext, type BidKey, type PlacedBid } from '../../data/bids.repository.js';
import {
  bidProcessingSeconds,
  bidsAcceptedOnViewTotal,
  bidsBeatenOnViewTotal,
  bidsTotal,
  bidsWrittenElsewhereTotal,
} from '../../metrics.js';
import { LotDeadlines } from '../shared/due-times.js';
import { ProxySettlement } from '../shared/proxy-settlement.js';
import { RoomEvents } from '../shared/room-events.js';
import { AuctionLanes } from '../shared/auction-lanes.js';
import { BeatenRefusals } from './beaten-refusals.js';
import { SeenLots, type Beaten, type WrittenBid } from './seen-lots.js';

export interface PlaceBidInput extends PlaceBidRequest {
  auctionId: string;
  bidderId: string;
}

type Outcome =
  | { kind: 'accepted'; bid: AcceptedBid; replay: boolean; proxyAnswers?: AcceptedBid[] }
  | { kind: 'refused'; code: ErrorCode; message: string };

/** Optimistic tries before a bid waits for the auction lock (guaranteed progress under contention). */
const OPTIMISTIC_ATTEMPTS = 4;

/** 10 bids per second per user, shared by HTTP and the socket (same limiter, same Redis key). */
export const BID_RATE = { name: 'bids', points: 10, durationSeconds: 1 };

/**
 * Decides a bid; PostgreSQL is the judge. `checkBid` rules on one consistent view of the
 * auction read at seq N, at serverTime = now; an acceptance is written by one statement that
 * bumps the auction's seq from N to N+1 only if it is still N and no proxy changed since (that
 * UPDATE takes the auction row lock, so bids of an auction serialise across replicas, and two
 * equal bids cannot both pass), together with the bid row, the lot's high bid and its anti-snipe
 * deadline, and the answers of the lot's proxies to the bid (SPEC §8: seq N+2, …, computed from
 * the same view). The answer is given only after that COMMIT. If the auction moved on, the bid is
 * looked at again.
 *
 * A refusal changes no auction state; its first answer is kept for retries of the same
 * clientBidId. A refusal that no later state could turn into an acceptance (see `final`) is
 * answered from the view without writing any auction row: a valid serial answer, the bid being
 * ordered at that view, before anything still in flight. A bid already beaten on the newest view
 * this replica holds of its lot (SeenLots: the lot's high bid from its last read or accepted bid)
 * skips the read: one statement, shared by the bids beaten at that moment (BeatenRefusals), refuses
 * it if it is still beaten in the current state, and gives a retry of an answered clientBidId its
 * first answer. When a lot opens and its bidders all bid at once, most of them are; the others wait
 * for their auction's lane on this replica, where the highest is decided first and the bids it beat
 * are answered at once (AuctionLanes). In its turn, a bid on a lot this replica holds as it is now
 * (its last read moved on by every bid since) is decided on that view and written in one statement
 * that checks everything it was decided on is still so; only when that write misses is it read.
 */
@Injectable()
export class PlaceBidUseCase {
  private readonly limiter: Limiter;
  private readonly seen = new SeenLots();
  private readonly lanes = new AuctionLanes();
  private readonly beatenRefusals = new BeatenRefusals((beaten) => this.bids.refuseAllIfStillBeaten(this.database.db, beaten));

  constructor(
    private readonly bids: BidsRepository,
    private readonly auctions: AuctionsRepository,
    private readonly transactor: Transactor,
    private readonly room: RoomEvents,
    private readonly deadlines: LotDeadlines,
    private readonly proxies: ProxySettlement,
    rateLimits: RateLimits,
    private readonly drain: Drain,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.limiter = rateLimits.limiter(BID_RATE);
  }

  /** A bid that started before SIGTERM is finished and answered; one that arrives after is refused (retry elsewhere). */
  execute(input: PlaceBidInput): Promise<AcceptedBid> {
    return this.drain.run(() => this.place(input));
  }

  /**
   * A bid another replica wrote: this replica's view of its lot moves on, and the bids waiting in
   * its auction's lane that it beat are answered at once, without a read.
   */
  writtenElsewhere(bid: WrittenBid): void {
    bidsWrittenElsewhereTotal.inc();
    this.seen.accepted([bid]);
    this.lanes.answerEarly(bid.auctionId);
  }

  private async place(input: PlaceBidInput): Promise<AcceptedBid> {
    const started = process.hrtime.bigint();
    try {
      await this.limiter.consume(input.bidderId);
    } catch (error) {
      bidsTotal.inc({ result: 'RATE_LIMITED' });
      throw error;
    }
    const outcome = await this.decide(keyOf(input), input.amount);
    bidProcessingSeconds.observe(Number(process.hrtime.bigint() - started) / 1e9);
    if (outcome.kind === 'refused') {
      bidsTotal.inc({ result: outcome.code });
      throw new DomainError(outcome.code, outcome.message);
    }
    bidsTotal.inc({ result: 'accepted' });
    // The bidder's answer first: the caller sends it as this promise settles, before the next tick, and the room hears of the bid then.
    if (!outcome.replay) {
      const { bid, proxyAnswers = [] } = outcome;
      onNextTick(
        () => this.announce(bid, proxyAnswers),
        (error) =>
          this.logger.error({ auctionId: bid.auctionId, seq: bid.seq, err: (error as Error).message }, 'accepted bid not announced'),
      );
    }
    return outcome.bid;
  }

  private announce(bid: AcceptedBid, proxyAnswers: AcceptedBid[]): void {
    this.room.bidAccepted(bid);
    this.deadlines.watch(this.proxies.announce(proxyAnswers) ?? new Date(bid.endsAt));
  }

  /**
   * A bid already beaten on this replica's view of its lot is refused in one statement if it still
   * is; any other waits for its auction's lane (AuctionLanes) and is decided in its turn, on the
   * lot as this replica holds it if that is current, else on reads, unless a bid written before its
   * turn has beaten it by then.
   */
  private decide(key: BidKey, amount: number): Promise<Outcome> {
    return this.lanes.run(key.auctionId, {
      amount,
      early: () => this.refuseIfBeaten(key, amount),
      decide: () => this.acceptOnView(key, amount) ?? this.decideOnReads(key, amount),
    });
  }

  /**
   * A bid this replica's view of its lot accepts, when it holds the lot as it is now (SeenLots):
   * written in one statement, no read, if the auction, its proxies and the bidder's purse are still
   * as seen and the clientBidId has no answer; else decided on reads. Null for any other bid.
   */
  private acceptOnView(key: BidKey, amount: number): Promise<Outcome> | null {
    const view = this.seen.current(key);
    if (!view) return null;
    const now = this.clock.now();
    return this.check(view, amount, now).ok ? this.writeOnView(view, key, amount, now) : null;
  }

  private async writeOnView(view: BidContext, key: BidKey, amount: number, now: Date): Promise<Outcome> {
    const seen = { ...view.auction!, bidder: view.bidder! };
    const [bid, ...proxyAnswers] = await this.bids.acceptAllIfCurrent(
      this.database.db,
      key,
      seen,
      this.withAnswers(view, key, amount, now),
    );
    if (!bid) return this.decideOnReads(key, amount);
    bidsAcceptedOnViewTotal.inc();
    return this.wrote({ kind: 'accepted', bid, replay: false, proxyAnswers });
  }

  private refuseIfBeaten(key: BidKey, amount: number): Promise<Outcome> | null {
    const now = this.clock.now();
    const beaten = this.seen.beaten(key, amount, now);
    if (!beaten) return null;
    bidsBeatenOnViewTotal.inc();
    return this.refuseBeaten(key, amount, beaten, now);
  }

  /**
   * Optimistic first: decide on one consistent read, then write only if the auction has not
   * moved since (its seq and proxies version); if it has, look again. After a few misses, or for
   * a refusal that a later state could undo, decide under the auction lock instead.
   */
  private async decideOnReads(key: BidKey, amount: number): Promise<Outcome> {
    const db = this.database.db;
    for (let attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt++) {
      const seen = await this.bids.context(db, key);
      this.seen.saw(key, seen);
      const earlier = earlierAnswer(seen);
      if (earlier) return earlier;
      const serverTime = this.clock.now();
      const check = this.check(seen, amount, serverTime);
      if (!check.ok) {
        if (!final(check, seen)) break;
        return this.refuse(db, key, check, serverTime);
      }
      const [bid, ...proxyAnswers] = await this.bids.acceptAllIfUnchanged(
        db,
        key,
        seen.auction!,
        this.withAnswers(seen, key, amount, serverTime),
      );
      if (bid) return this.wrote({ kind: 'accepted', bid, replay: false, proxyAnswers });
    }
    return this.wrote(await this.decideUnderLock(key, amount));
  }

  /** An outcome once it is committed: what it wrote is the newest view of its lot this replica holds. */
  private wrote(outcome: Outcome): Outcome {
    if (outcome.kind === 'accepted' && !outcome.replay) this.seen.accepted([outcome.bid, ...(outcome.proxyAnswers ?? [])]);
    return outcome;
  }

  /**
   * A bid already beaten on the newest view this replica holds of its lot (see SeenLots): refused
   * by one statement (with the others beaten at that moment) if it is still beaten now; that
   * statement also gives a retry of an answered clientBidId its first answer. If the auction has
   * moved otherwise, decided the usual way.
   */
  private async refuseBeaten(key: BidKey, amount: number, beaten: Beaten, at: Date): Promise<Outcome> {
    const { code, message } = beaten.refusal;
    const answer = await this.beatenRefusals.refuse({ ...key, code, message, at, beatenBy: beaten.highBid });
    if (!answer) return this.decideOnReads(key, amount);
    if ('earlierBid' in answer) return { kind: 'accepted', bid: answer.earlierBid, replay: true };
    return { kind: 'refused', code: answer.refusal.code as ErrorCode, message: answer.refusal.message };
  }

  /**
   * The pessimistic form: lock the auction row, then read the context in a statement of its own
   * (a fresh READ COMMITTED snapshot, so it sees everything the previous lock holder committed),
   * rule and write the outcome in the same transaction.
   */
  private decideUnderLock(key: BidKey, amount: number): Promise<Outcome> {
    return this.transactor.run(async (tx) => {
      await this.auctions.lockAuction(tx, key.auctionId);
      const context = await this.bids.context(tx, key);
      this.seen.saw(key, context);
      const earlier = earlierAnswer(context);
      if (earlier) return earlier;
      const now = this.clock.now();
      const check = this.check(context, amount, now);
      if (!check.ok) return this.refuse(tx, key, check, now);
      const [bid, ...proxyAnswers] = await this.bids.acceptAll(tx, key, this.withAnswers(context, key, amount, now));
      return { kind: 'accepted', bid: bid!, replay: false, proxyAnswers };
    });
  }

  /**
   * The bid, then the answers of the lot's proxies to the lot as the bid leaves it (the context read
   * them with it; none on a lot without proxies), each with its seq: written by one statement.
   */
  private withAnswers(context: BidContext, key: BidKey, amount: number, now: Date): PlacedBid[] {
    const endsAt = deadlineAfterAcceptedBid(context.lot!.endsAt!, now, context.auction!.settings);
    const bid = { bidderId: key.bidderId, clientBidId: key.clientBidId, amount, serverTime: now, endsAt };
    const after = { ...context, lot: { ...context.lot!, highBid: amount, highBidderId: key.bidderId, endsAt } };
    return [bid, ...this.proxies.answers(after, now)];
  }

  /** The refusal, kept as the first answer to its clientBidId (a concurrent first answer wins). */
  private async refuse(db: Transaction, key: BidKey, check: Extract<BidCheck, { ok: false }>, at: Date): Promise<Outcome> {
    if (!recorded(check.code)) return { kind: 'refused', code: check.code, message: check.message };
    const stored = await this.bids.recordRefusal(db, key, { code: check.code, message: check.message, at });
    return { kind: 'refused', code: stored.code as ErrorCode, message: stored.message };
  }

  private check(context: BidContext, amount: number, now: Date): BidCheck {
    if (!context.auction) throw new DomainError('NOT_FOUND', 'There is no such auction.');
    return checkBid({
      auctionStatus: context.auction.status,
      lot: context.lot ?? { status: 'pending', endsAt: null, highBid: null },
      settings: context.auction.settings,
      bidder: context.bidder ? { isManager: true, ...context.bidder } : { isManager: false, budgetRemaining: 0, rosterCount: 0 },
      amount,
      now,
    });
  }
}

function keyOf(input: PlaceBidInput): BidKey {
  return { auctionId: input.auctionId, lotId: input.lotId, bidderId: input.bidderId, clientBidId: input.clientBidId };
}

function earlierAnswer(context: BidContext): Outcome | null {
  if (context.earlierBid) return { kind: 'accepted', bid: context.earlierBid, replay: true };
  if (context.earlierRefusal) {
    return { kind: 'refused', code: context.earlierRefusal.code as ErrorCode, message: context.earlierRefusal.message };
  }
  return null;
}

/**
 * A refusal that stays a refusal in every later state of the auction: high bids only rise
 * within a lot, purses and open slots only shrink, managers are fixed, closed lots and
 * completed auctions stay so. Not final: a pause (it may resume) and a lot not open yet.
 */
function final(check: Extract<BidCheck, { ok: false }>, context: BidContext): boolean {
  if (check.code === 'AUCTION_PAUSED') return false;
  if (check.code === 'LOT_CLOSED') return context.lot === null || context.lot.status !== 'pending';
  return true;
}

/** A non-manager's ids are not kept: nothing they send may grow our tables. */
function recorded(code: ErrorCode): boolean {
  return code !== 'NOT_A_MANAGER';
}
