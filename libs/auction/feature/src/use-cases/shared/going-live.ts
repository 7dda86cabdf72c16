import { Injectable } from '@nestjs/common';
import { pauseEnd } from '@auction/auction-domain';
import type { AcceptedBid } from '@auction/contracts';
import type { Transaction } from '@auction/db';
import { AuditRepository } from '../../data/audit.repository.js';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import type { Auction, Lot } from '../../model/auction-state.js';
import { LotDeadlines } from './due-times.js';
import { LotSettlement } from './lot-settlement.js';
import { NominationTurns, type TurnStep } from './nomination-turns.js';
import { ProxySettlement } from './proxy-settlement.js';
import { RoomEvents } from './room-events.js';

export interface WentLive {
  auctionId: string;
  seq: number;
  nextLotAt: Date | null;
  opened: { lot: Lot; seq: number; lotsRemaining: number; proxyBids: AcceptedBid[] } | null;
  /** `managers` mode without a lead-in: the first turn. */
  turn: TurnStep | null;
  now: Date;
}

/**
 * A scheduled auction going live, whoever takes it there (the timer or the commissioner):
 * `auction:live` (seq N) is followed by the first lot (seq N + 1) at once, or after the
 * lead-in through `next_lot_at`.
 */
@Injectable()
export class GoingLive {
  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly audit: AuditRepository,
    private readonly room: RoomEvents,
    private readonly deadlines: LotDeadlines,
    private readonly settlement: LotSettlement,
    private readonly turns: NominationTurns,
    private readonly proxies: ProxySettlement,
  ) {}

  /**
   * Inside the caller's transaction, with the auction row locked and the auction still `scheduled`.
   * The audit names `actorId` (the commissioner also when their scheduled time came).
   */
  async take(db: Transaction, scheduled: Auction, now: Date, actorId: string): Promise<WentLive> {
    const auction = await this.turns.drawTurnOrder(db, scheduled);
    const seq = auction.seq + 1;
    await this.audit.record(db, { auctionId: auction.id, seq, at: now, actorId, action: 'start', details: {} });
    const nextLotAt = pauseEnd(now, auction.settings.leadInSeconds);
    if (nextLotAt) {
      await this.auctions.setSeq(db, auction.id, seq, { status: 'live', nextLotAt });
      return { auctionId: auction.id, seq, nextLotAt, opened: null, turn: null, now };
    }
    if (auction.settings.nominationMode === 'managers') {
      await this.auctions.setSeq(db, auction.id, seq, { status: 'live' });
      const turn = await this.turns.begin(db, auction, seq + 1, now);
      return { auctionId: auction.id, seq, nextLotAt: null, opened: null, turn, now };
    }
    const lot = await this.auctions.openNextLot(db, auction.id, now, new Date(now.getTime() + auction.settings.bidTimerSeconds * 1000));
    if (!lot) {
      await this.auctions.setSeq(db, auction.id, seq + 1, { status: 'completed', completedAt: now });
      return { auctionId: auction.id, seq, nextLotAt: null, opened: null, turn: null, now };
    }
    await this.auctions.setSeq(db, auction.id, seq + 1, { status: 'live' });
    const lotsRemaining = await this.auctions.pendingLots(db, auction.id);
    return {
      auctionId: auction.id,
      seq,
      nextLotAt: null,
      opened: { lot, seq: seq + 1, lotsRemaining, proxyBids: await this.proxies.settle(db, auction.id, lot.id, now) },
      turn: null,
      now,
    };
  }

  /** After COMMIT. */
  announce(wentLive: WentLive): void {
    const { auctionId, seq, nextLotAt, opened, turn, now } = wentLive;
    this.room.live(auctionId, seq, nextLotAt);
    if (turn?.kind === 'turn') this.turns.announceTurn(turn);
    else if (turn) this.settlement.announceCompleted(auctionId, turn.seq);
    else if (opened) {
      this.room.lotOpened(auctionId, opened.lot, opened.seq, opened.lotsRemaining, 'live', now);
      this.proxies.announce(opened.proxyBids);
      this.deadlines.watch(opened.lot.endsAt);
    } else if (nextLotAt) this.deadlines.watch(nextLotAt);
    else this.settlement.announceCompleted(auctionId, seq + 1);
  }
}
