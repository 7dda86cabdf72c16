import { Injectable } from '@nestjs/common';
import { rooms, type AcceptedBid, type AuctionStatus, type LotSold, type LotUnsold } from '@auction/contracts';
import { RealtimePublisher } from '@auction/realtime';
import { currentLotView, type Lot } from './auction-state.js';

/** The auction's room events, typed; called only after the transaction that made them committed. */
@Injectable()
export class AuctionBroadcaster {
  constructor(private readonly publisher: RealtimePublisher) {}

  auctionStarted(leagueId: string, auctionId: string): void {
    this.publisher.emit(rooms.league(leagueId), 'auction:started', { leagueId, auctionId });
  }

  lotOpened(auctionId: string, lot: Lot, seq: number, lotsRemaining: number, status: AuctionStatus, now: Date): void {
    this.publisher.emit(rooms.auction(auctionId), 'lot:opened', {
      auctionId,
      lot: currentLotView(lot, status, now),
      seq,
      lotsRemaining,
      serverTime: now.toISOString(),
    });
  }

  bidAccepted(bid: AcceptedBid): void {
    this.publisher.emit(rooms.auction(bid.auctionId), 'bid:accepted', {
      auctionId: bid.auctionId,
      lotId: bid.lotId,
      seq: bid.seq,
      amount: bid.amount,
      bidderId: bid.bidderId,
      endsAt: bid.endsAt,
      serverTime: bid.serverTime,
    });
  }

  lotClosed(lot: Lot, seq: number): void {
    const room = rooms.auction(lot.auctionId);
    if (lot.status === 'sold') {
      const payload: LotSold = { auctionId: lot.auctionId, lotId: lot.id, asset: lot.asset, winnerId: lot.winnerId!, price: lot.price!, seq };
      this.publisher.emit(room, 'lot:sold', payload);
    } else {
      const payload: LotUnsold = { auctionId: lot.auctionId, lotId: lot.id, asset: lot.asset, seq };
      this.publisher.emit(room, 'lot:unsold', payload);
    }
  }

  paused(auctionId: string, seq: number, remainingMs: number): void {
    this.publisher.emit(rooms.auction(auctionId), 'auction:paused', { auctionId, seq, remainingMs });
  }

  resumed(auctionId: string, seq: number, endsAt: Date | null): void {
    // A resume with no open lot has no deadline; the epoch is never sent in practice.
    this.publisher.emit(rooms.auction(auctionId), 'auction:resumed', { auctionId, seq, endsAt: (endsAt ?? new Date(0)).toISOString() });
  }

  completed(auctionId: string, seq: number): void {
    this.publisher.emit(rooms.auction(auctionId), 'auction:completed', { auctionId, seq });
  }
}
