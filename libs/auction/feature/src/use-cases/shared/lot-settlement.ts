import { Inject, Injectable } from '@nestjs/common';
import { isAuctionComplete, pauseEnd } from '@auction/auction-domain';
import type { AcceptedBid } from '@auction/contracts';
import type { Transaction } from '@auction/db';
import { type Logger } from '@auction/observability';
import { CLOCK, LOGGER, type Clock } from '@auction/platform';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import { lotsClosedTotal } from '../../metrics.js';
import type { Auction, Lot } from '../../model/auction-state.js';
import { PublishCompletionUseCase } from '../publish-completion/publish-completion.use-case.js';
import { NominationTurns, type TurnStep } from './nomination-turns.js';
import { ProxySettlement } from './proxy-settlement.js';
import { RoomEvents } from './room-events.js';

/** What one closing transaction did, announced to the room after it committed. */
export interface Settlement {
  auctionId: string;
  closed: Lot;
  closedSeq: number;
  opened: { lot: Lot; seq: number; lotsRemaining: number; proxyBids: AcceptedBid[] } | null;
  /** The end of the gap when the next lot waits for it (`lotGapSeconds` > 0). */
  nextLotAt: Date | null;
  completedSeq: number | null;
  /** `managers` mode without a gap: the next turn. */
  turn?: TurnStep;
  now: Date;
}

/**
 * The part of closing a lot that a timed close and an early end share: charge the winner,
 * then complete the auction, start the gap before the next lot (`next_lot_at`, opened later by
 * `OpenNextLotUseCase`) or, without a gap, open it at once; one seq per event. Runs inside the caller's
 * transaction, with the auction row locked and the lot already marked sold/unsold (at seq + 1).
 */
@Injectable()
export class LotSettlement {
  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly room: RoomEvents,
    private readonly publishCompletion: PublishCompletionUseCase,
    private readonly turns: NominationTurns,
    private readonly proxies: ProxySettlement,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async settle(db: Transaction, auction: Auction, closed: Lot, now: Date, endEarly: boolean): Promise<Settlement> {
    if (closed.status === 'sold') await this.auctions.chargeWinner(db, auction.id, closed.winnerId!, closed.price!);
    const closedSeq = auction.seq + 1;
    const lotsRemaining = await this.auctions.pendingLots(db, auction.id);
    const rosterCounts = await this.auctions.rosterCounts(db, auction.id);
    const complete = endEarly || isAuctionComplete({ rosterSize: auction.settings.rosterSize, rosterCounts, lotsRemaining });
    if (complete) {
      await this.auctions.setSeq(db, auction.id, closedSeq + 1, { status: 'completed', completedAt: now, nextLotAt: null });
      return { auctionId: auction.id, closed, closedSeq, opened: null, nextLotAt: null, completedSeq: closedSeq + 1, now };
    }
    const gapEnd = pauseEnd(now, auction.settings.lotGapSeconds);
    if (gapEnd) {
      await this.auctions.setSeq(db, auction.id, closedSeq, { nextLotAt: gapEnd });
      return { auctionId: auction.id, closed, closedSeq, opened: null, nextLotAt: gapEnd, completedSeq: null, now };
    }
    if (auction.settings.nominationMode === 'managers') return this.nextTurn(db, auction, closed, now);
    const endsAt = new Date(now.getTime() + auction.settings.bidTimerSeconds * 1000);
    const next = await this.auctions.openNextLot(db, auction.id, now, endsAt);
    await this.auctions.setSeq(db, auction.id, closedSeq + 1);
    const proxyBids = await this.proxies.settle(db, auction.id, next!.id, now);
    const opened = { lot: next!, seq: closedSeq + 1, lotsRemaining: lotsRemaining - 1, proxyBids };
    return { auctionId: auction.id, closed, closedSeq, opened, nextLotAt: null, completedSeq: null, now };
  }

  private async nextTurn(db: Transaction, auction: Auction, closed: Lot, now: Date): Promise<Settlement> {
    const closedSeq = auction.seq + 1;
    const turn = await this.turns.begin(db, auction, closedSeq + 1, now);
    const completedSeq = turn.kind === 'completed' ? turn.seq : null;
    return { auctionId: auction.id, closed, closedSeq, opened: null, nextLotAt: null, completedSeq, turn, now };
  }

  /** After COMMIT: tell the room, count, and hand the completion to the event bus. */
  announce(settlement: Settlement): void {
    const { closed, auctionId } = settlement;
    lotsClosedTotal.inc({ outcome: closed.status });
    this.room.lotClosed(closed, settlement.closedSeq, settlement.nextLotAt);
    if (settlement.opened) {
      const { lot, seq, lotsRemaining } = settlement.opened;
      this.room.lotOpened(auctionId, lot, seq, lotsRemaining, 'live', this.clock.now());
      this.proxies.announce(settlement.opened.proxyBids);
    }
    if (settlement.turn) this.turns.announceTurn(settlement.turn);
    if (settlement.completedSeq !== null) this.announceCompleted(auctionId, settlement.completedSeq);
  }

  /** After COMMIT of a completion: tell the room and hand `auction.completed` to the event bus. */
  announceCompleted(auctionId: string, seq: number): void {
    this.room.completed(auctionId, seq);
    this.publishCompletion.execute({ auctionId }).catch((error: Error) => {
      this.logger.warn({ auctionId, err: error.message }, 'auction.completed not published yet; the closer retries');
    });
  }
}
