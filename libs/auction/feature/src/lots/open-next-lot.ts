import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@auction/platform';
import { AuctionBroadcaster } from '../auctions/auction-broadcaster.js';
import type { Lot } from '../auctions/auction-state.js';
import { AuctionsRepository } from '../auctions/auctions.repository.js';
import { LotSettlement } from './lot-settlement.js';

/**
 * Opens the next lot once the gap or lead-in is over (`next_lot_at` passed). Any replica may
 * try, any number of times: under the auction row lock only a live auction whose `next_lot_at`
 * is due opens a lot, and opening clears it, so exactly one try opens it.
 */
@Injectable()
export class OpenNextLot {
  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly broadcaster: AuctionBroadcaster,
    private readonly settlement: LotSettlement,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(auctionId: string): Promise<Lot | null> {
    const outcome = await this.auctions.transaction(async (db) => {
      const auction = await this.auctions.lockAuction(db, auctionId);
      const now = this.clock.now();
      if (!auction || auction.status !== 'live' || !auction.nextLotAt || auction.nextLotAt > now) return null;
      const seq = auction.seq + 1;
      const endsAt = new Date(now.getTime() + auction.settings.bidTimerSeconds * 1000);
      const lot = await this.auctions.openNextLot(db, auctionId, now, endsAt);
      if (!lot) {
        await this.auctions.setSeq(db, auctionId, seq, { status: 'completed', completedAt: now, nextLotAt: null });
        return { lot: null, seq, lotsRemaining: 0, now };
      }
      await this.auctions.setSeq(db, auctionId, seq, { nextLotAt: null });
      return { lot, seq, lotsRemaining: await this.auctions.pendingLots(db, auctionId), now };
    });
    if (!outcome) return null;
    if (!outcome.lot) {
      this.settlement.announceCompleted(auctionId, outcome.seq);
      return null;
    }
    this.broadcaster.lotOpened(auctionId, outcome.lot, outcome.seq, outcome.lotsRemaining, 'live', outcome.now);
    return outcome.lot;
  }
}
