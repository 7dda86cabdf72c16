import { Inject, Injectable } from '@nestjs/common';
import { Transactor } from '@auction/db';
import { CLOCK, type Clock } from '@auction/platform';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import type { Lot } from '../../model/auction-state.js';
import { LotSettlement } from '../shared/lot-settlement.js';
import { NominationTurns } from '../shared/nomination-turns.js';
import { ProxySettlement } from '../shared/proxy-settlement.js';
import { RoomEvents } from '../shared/room-events.js';

export interface OpenNextLotInput {
  auctionId: string;
}

/**
 * Opens the next lot (in `managers` mode: starts the next turn) once the gap or lead-in is over (`next_lot_at` passed). Any replica may
 * try, any number of times: under the auction row lock only a live auction whose `next_lot_at`
 * is due opens a lot, and opening clears it, so exactly one try opens it.
 */
@Injectable()
export class OpenNextLotUseCase {
  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly room: RoomEvents,
    private readonly settlement: LotSettlement,
    private readonly turns: NominationTurns,
    private readonly proxies: ProxySettlement,
    private readonly transactor: Transactor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ auctionId }: OpenNextLotInput): Promise<Lot | null> {
    const outcome = await this.transactor.run(async (tx) => {
      const auction = await this.auctions.lockAuction(tx, auctionId);
      const now = this.clock.now();
      if (!auction || auction.status !== 'live' || !auction.nextLotAt || auction.nextLotAt > now) return null;
      const seq = auction.seq + 1;
      if (auction.settings.nominationMode === 'managers') return { turn: await this.turns.begin(tx, auction, seq, now) };
      const endsAt = new Date(now.getTime() + auction.settings.bidTimerSeconds * 1000);
      const lot = await this.auctions.openNextLot(tx, auctionId, now, endsAt);
      if (!lot) {
        await this.auctions.setSeq(tx, auctionId, seq, { status: 'completed', completedAt: now, nextLotAt: null });
        return { lot: null, seq, lotsRemaining: 0, now, proxyBids: [] };
      }
      await this.auctions.setSeq(tx, auctionId, seq, { nextLotAt: null });
      const lotsRemaining = await this.auctions.pendingLots(tx, auctionId);
      return { lot, seq, lotsRemaining, now, proxyBids: await this.proxies.settle(tx, auctionId, lot.id, now) };
    });
    if (!outcome) return null;
    if (outcome.turn) {
      if (outcome.turn.kind === 'turn') this.turns.announceTurn(outcome.turn);
      else this.settlement.announceCompleted(auctionId, outcome.turn.seq);
      return null;
    }
    if (!outcome.lot) {
      this.settlement.announceCompleted(auctionId, outcome.seq);
      return null;
    }
    this.room.lotOpened(auctionId, outcome.lot, outcome.seq, outcome.lotsRemaining, 'live', outcome.now);
    this.proxies.announce(outcome.proxyBids);
    return outcome.lot;
  }
}
