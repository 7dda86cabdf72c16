import { Injectable } from '@nestjs/common';
import type { AcceptedBid } from '@auction/contracts';
import { drawTurnOrder, nextNominator } from '@auction/auction-domain';
import type { Transaction } from '@auction/db';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import { BidsRepository } from '../../data/bids.repository.js';
import { TurnsRepository } from '../../data/turns.repository.js';
import type { Auction, Lot } from '../../model/auction-state.js';
import { ProxySettlement } from './proxy-settlement.js';
import { RoomEvents } from './room-events.js';

/** What begins when a lot or the lead-in is over in `managers` mode: the next turn, or the end. */
export type TurnStep =
  { kind: 'turn'; auctionId: string; userId: string; endsAt: Date; seq: number } | { kind: 'completed'; auctionId: string; seq: number };

export interface Nomination {
  nominatorId: string;
  assetId: string;
  amount: number;
  clientBidId: string;
  auto: boolean;
}

/** A lot a nomination opened (at `lotSeq`) with the nominator's bid as its first (the bid's seq follows). */
export interface OpenedByNomination {
  auctionId: string;
  lot: Lot;
  lotSeq: number;
  lotsRemaining: number;
  bid: AcceptedBid;
  /** Proxies on the nominated asset answer the nomination at once. */
  proxyBids: AcceptedBid[];
  now: Date;
}

/**
 * The turns of `managers` mode (SPEC §8), shared by everything that ends a lot, a gap or the
 * lead-in and by both ways a turn is nominated (the nominator, or the engine when time runs
 * out). Runs inside the caller's transaction, with the auction row locked.
 */
@Injectable()
export class NominationTurns {
  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly turns: TurnsRepository,
    private readonly bids: BidsRepository,
    private readonly proxies: ProxySettlement,
    private readonly room: RoomEvents,
  ) {}

  /** At go-live in `managers` mode: the random turn order, stored; the auction as it now is. */
  async drawTurnOrder(db: Transaction, auction: Auction): Promise<Auction> {
    if (auction.settings.nominationMode !== 'managers') return auction;
    const turnOrder = drawTurnOrder((await this.auctions.managers(db, auction.id)).map((manager) => manager.userId));
    await this.turns.setTurnOrder(db, auction.id, turnOrder);
    return { ...auction, turnOrder };
  }

  /** The next manager in turn order with room on their roster nominates (event `seq`); the auction completes when none can or nothing is left. */
  async begin(db: Transaction, auction: Auction, seq: number, now: Date): Promise<TurnStep> {
    const pending = await this.auctions.pendingLots(db, auction.id);
    const rosterCounts = await this.turns.rosterCounts(db, auction.id);
    const turnState = { turnOrder: auction.turnOrder, rosterSize: auction.settings.rosterSize, rosterCounts };
    const userId = pending > 0 ? nextNominator(turnState, auction.turnUserId) : null;
    if (!userId) {
      await this.auctions.setSeq(db, auction.id, seq, { status: 'completed', completedAt: now, nextLotAt: null });
      return { kind: 'completed', auctionId: auction.id, seq };
    }
    const endsAt = new Date(now.getTime() + auction.settings.nominationSeconds * 1000);
    await this.turns.startTurn(db, auction.id, seq, { turnNumber: auction.turnNumber + 1, userId, endsAt });
    return { kind: 'turn', auctionId: auction.id, userId, endsAt, seq };
  }

  /**
   * Opens the nominated asset's lot for the turn in progress (seq + 1) with the nominator's bid
   * as its first accepted bid (seq + 2); the lot runs its whole bid timer. The caller has checked
   * the nomination under the same lock.
   */
  async open(db: Transaction, auction: Auction, nomination: Nomination, now: Date): Promise<OpenedByNomination> {
    const endsAt = new Date(now.getTime() + auction.settings.bidTimerSeconds * 1000);
    const lot = await this.turns.openNominatedLot(db, auction.id, nomination.assetId, {
      now,
      endsAt,
      turn: auction.turnNumber,
      nominatedBy: nomination.nominatorId,
      auto: nomination.auto,
    });
    if (!lot) throw new Error(`nomination of ${nomination.assetId} in auction ${auction.id}: the asset was not waiting`);
    const lotSeq = auction.seq + 1;
    await this.turns.endTurn(db, auction.id, lotSeq);
    const key = { auctionId: auction.id, lotId: lot.id, bidderId: nomination.nominatorId, clientBidId: nomination.clientBidId };
    const bid = await this.bids.accept(db, key, { amount: nomination.amount, serverTime: now, endsAt });
    const lotsRemaining = await this.auctions.pendingLots(db, auction.id);
    return {
      auctionId: auction.id,
      lot,
      lotSeq,
      lotsRemaining,
      bid,
      proxyBids: await this.proxies.settle(db, auction.id, lot.id, now),
      now,
    };
  }

  /**
   * After COMMIT of a turn's start. A completion is the caller's to announce. The nomination
   * timer's poll arms its timer for the new turn (a turn lasts seconds, the poll 200 ms): this
   * class is below the scheduler, which drives it.
   */
  announceTurn(step: TurnStep): void {
    if (step.kind === 'turn') this.room.nominationTurn(step.auctionId, step.userId, step.endsAt, step.seq);
  }

  /** After COMMIT of a nomination: the lot opens, then its first bid. */
  announceOpened(opened: OpenedByNomination): void {
    this.room.lotOpened(opened.auctionId, opened.lot, opened.lotSeq, opened.lotsRemaining, 'live', opened.now);
    this.room.bidAccepted(opened.bid);
    this.proxies.announce(opened.proxyBids);
  }
}
