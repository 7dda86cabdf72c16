import { Inject, Injectable } from '@nestjs/common';
import { Transactor } from '@auction/db';
import { CLOCK, type Clock } from '@auction/platform';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import { GoingLive } from '../shared/going-live.js';

export interface GoLiveInput {
  auctionId: string;
}

/**
 * Takes a scheduled auction live by itself at `startsAt`, on any replica, any number of times:
 * under the auction row lock only a `scheduled` auction whose start is due goes live, so it goes
 * live exactly once.
 */
@Injectable()
export class GoLiveUseCase {
  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly goingLive: GoingLive,
    private readonly transactor: Transactor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** True when this call took the auction live. */
  async execute({ auctionId }: GoLiveInput): Promise<boolean> {
    const wentLive = await this.transactor.run(async (tx) => {
      const auction = await this.auctions.lockAuction(tx, auctionId);
      const now = this.clock.now();
      if (!auction || auction.status !== 'scheduled' || !auction.startsAt || auction.startsAt > now) return null;
      return this.goingLive.take(tx, auction, now, auction.commissionerId);
    });
    if (wentLive) this.goingLive.announce(wentLive);
    return wentLive !== null;
  }
}
