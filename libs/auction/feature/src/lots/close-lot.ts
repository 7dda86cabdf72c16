import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@auction/platform';
import { AuctionsRepository } from '../auctions/auctions.repository.js';
import { lotCloseLagSeconds } from '../metrics.js';
import { LotSettlement, type Settlement } from './lot-settlement.js';

/**
 * Closes a lot at its deadline. Any replica may try, any number of times: the conditional
 * update in `closeDueLot` succeeds exactly once, and only while the auction is live.
 */
@Injectable()
export class CloseLot {
  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly settlement: LotSettlement,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(auctionId: string, lotId: string): Promise<Settlement | null> {
    const settled = await this.auctions.transaction(async (db) => {
      const auction = await this.auctions.lockAuction(db, auctionId);
      if (!auction || auction.status !== 'live') return null;
      const now = this.clock.now();
      const closed = await this.auctions.closeDueLot(db, lotId, now, auction.seq + 1);
      if (!closed) return null;
      return this.settlement.settle(db, auction, closed, now, false);
    });
    if (!settled) return null;
    // closeDueLot leaves ends_at in place: it is the deadline the lot closed at.
    const deadline = settled.closed.endsAt ?? settled.now;
    lotCloseLagSeconds.observe(Math.max(0, settled.now.getTime() - deadline.getTime()) / 1000);
    this.settlement.announce(settled);
    return settled;
  }
}
