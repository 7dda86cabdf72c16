import type { AcceptedBid, AuctionSnapshot, AuctionStatus, LotReassigned, LotUndone } from '@auction/contracts';
import type { Lot } from '../../model/auction-state.js';

/**
 * What the use cases tell an auction's room (and a league's lobby), only after the transaction
 * that made it committed. The realtime layer's `AuctionBroadcaster` is the implementation; the
 * use cases know only this shape, so they never import the layer that calls them.
 */
export abstract class RoomEvents {
  abstract auctionStarted(leagueId: string, auctionId: string): void;
  abstract lotOpened(auctionId: string, lot: Lot, seq: number, lotsRemaining: number, status: AuctionStatus, now: Date): void;
  abstract bidAccepted(bid: AcceptedBid): void;
  abstract lotClosed(lot: Lot, seq: number, nextLotAt: Date | null): void;
  abstract live(auctionId: string, seq: number, nextLotAt: Date | null): void;
  /** A resync for everyone in the room. */
  abstract snapshot(snapshot: AuctionSnapshot): void;
  abstract paused(auctionId: string, seq: number, remainingMs: number): void;
  abstract resumed(auctionId: string, seq: number, endsAt: Date | null, nextLotAt: Date | null): void;
  abstract completed(auctionId: string, seq: number): void;
  abstract nominationTurn(auctionId: string, userId: string, endsAt: Date, seq: number): void;
  abstract saleUndone(event: LotUndone): void;
  abstract saleReassigned(event: LotReassigned): void;
}
