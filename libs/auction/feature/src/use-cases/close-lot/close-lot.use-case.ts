import { Inject, Injectable } from '@nestjs/common';
import { Transactor } from '@auction/db';
import { CLOCK, type Clock } from '@auction/platform';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import { lotCloseLagSeconds } from '../../metrics.js';
import { LotSettlement, type Settlement } from '../shared/lot-settlement.js';

export interface CloseLotInput {
  auctionId: string;
  lotId: string;
}

/**
 * Closes a lot at its deadline. Any replica may try, any number of times: the conditional
 * update in `closeDueLot` succeeds exactly once, and only while the auction is live.
 */
@Injectable()
export class CloseLotUseCase {
  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly settlement: LotSettlement,
    private readonly transactor: Transactor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ auctionId, lotId }: CloseLotInput): Promise<Settlement | null> {
    const settled = await this.transactor.run(async (tx) => {
      const auction = await this.auctions.lockAuction(tx, auctionId);
      if (!auction || auction.status !== 'live') return null;
      const now = this.clock.now();
      const closed = await this.auctions.closeDueLot(tx, lotId, now, auction.seq + 1);
      if (!closed) return null;
      return this.settlement.settle(tx, auction, closed, now, false);
    });
    if (!settled) return null;
    // closeDueLot leaves ends_at in place: it is the deadline the lot closed at.
    const deadline = settled.closed.endsAt ?? settled.now;
    lotCloseLagSeconds.observe(Math.max(0, settled.now.getTime() - deadline.getTime()) / 1000);
    this.settlement.announce(settled);
    return settled;
  }
}
