import { Injectable } from '@nestjs/common';
import {
  rooms,
  type AcceptedBid,
  type AuctionSnapshot,
  type AuctionStatus,
  type LotReassigned,
  type LotSold,
  type LotUndone,
  type LotUnsold,
} from '@auction/contracts';
import { RealtimePublisher } from '@auction/realtime';
import { currentLotView, type Lot } from '../model/auction-state.js';
import type { WrittenBid } from '../use-cases/place-bid/seen-lots.js';
import type { RoomEvents } from '../use-cases/shared/room-events.js';
import type { ReplicaEvents } from './socket-types.js';

/** Between replicas of the engine: a bid one of them wrote (see PlaceBidUseCase.writtenElsewhere). */
export const BID_WRITTEN = 'bid:written' satisfies keyof ReplicaEvents;

/** The auction's room events, typed, through the publisher every replica's sockets hear. */
@Injectable()
export class AuctionBroadcaster implements RoomEvents {
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

  /** Other replicas hear of the bid before the room does, so a bid sent on from the room finds their view moved on. */
  bidAccepted(bid: AcceptedBid): void {
    const { auctionId, lotId, bidderId, seq, amount, endsAt } = bid;
    const written: WrittenBid = { auctionId, lotId, bidderId, seq, amount, endsAt };
    this.publisher.toOtherReplicas(BID_WRITTEN, written);
    this.publisher.emit(rooms.auction(bid.auctionId), 'bid:accepted', {
      auctionId: bid.auctionId,
      lotId: bid.lotId,
      seq: bid.seq,
      amount: bid.amount,
      bidderId: bid.bidderId,
      endsAt: bid.endsAt,
      serverTime: bid.serverTime,
      proxy: bid.proxy ?? false,
    });
  }

  lotClosed(lot: Lot, seq: number, nextLotAt: Date | null): void {
    const room = rooms.auction(lot.auctionId);
    const next = nextLotAt?.toISOString() ?? null;
    if (lot.status === 'sold') {
      const payload: LotSold = {
        auctionId: lot.auctionId,
        lotId: lot.id,
        asset: lot.asset,
        winnerId: lot.winnerId!,
        price: lot.price!,
        seq,
        nextLotAt: next,
      };
      this.publisher.emit(room, 'lot:sold', payload);
    } else {
      const payload: LotUnsold = { auctionId: lot.auctionId, lotId: lot.id, asset: lot.asset, seq, nextLotAt: next };
      this.publisher.emit(room, 'lot:unsold', payload);
    }
  }

  live(auctionId: string, seq: number, nextLotAt: Date | null): void {
    this.publisher.emit(rooms.auction(auctionId), 'auction:live', { auctionId, seq, nextLotAt: nextLotAt?.toISOString() ?? null });
  }

  /** A resync for everyone in the room (a reschedule changes what the lobby shows, a rename a manager's name). */
  snapshot(snapshot: AuctionSnapshot): void {
    this.publisher.emit(rooms.auction(snapshot.id), 'auction:snapshot', snapshot);
  }

  paused(auctionId: string, seq: number, remainingMs: number): void {
    this.publisher.emit(rooms.auction(auctionId), 'auction:paused', { auctionId, seq, remainingMs });
  }

  resumed(auctionId: string, seq: number, endsAt: Date | null, nextLotAt: Date | null): void {
    // A resume in a gap has no lot deadline: the epoch, with the gap's new end in nextLotAt.
    this.publisher.emit(rooms.auction(auctionId), 'auction:resumed', {
      auctionId,
      seq,
      endsAt: (endsAt ?? new Date(0)).toISOString(),
      nextLotAt: nextLotAt?.toISOString() ?? null,
    });
  }

  completed(auctionId: string, seq: number): void {
    this.publisher.emit(rooms.auction(auctionId), 'auction:completed', { auctionId, seq });
  }

  nominationTurn(auctionId: string, userId: string, endsAt: Date, seq: number): void {
    this.publisher.emit(rooms.auction(auctionId), 'nomination:turn', { auctionId, userId, endsAt: endsAt.toISOString(), seq });
  }

  saleUndone(event: LotUndone): void {
    this.publisher.emit(rooms.auction(event.auctionId), 'lot:undone', event);
  }

  saleReassigned(event: LotReassigned): void {
    this.publisher.emit(rooms.auction(event.auctionId), 'lot:reassigned', event);
  }
}
