import { Inject, Injectable } from '@nestjs/common';
import type { AuctionSnapshot } from '@auction/contracts';
import { Transactor, type DatabaseHandle } from '@auction/db';
import { CLOCK, DATABASE, type Clock } from '@auction/platform';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import { buildSnapshot } from '../../model/auction-state.js';
import { GoingLive } from '../shared/going-live.js';
import { requireScheduledBy } from '../shared/schedulable.js';

export interface StartNowInput {
  auctionId: string;
  userId: string;
}

/** `POST /api/auctions/:id/start`: the commissioner starts a scheduled auction now (under the row lock, so it and the timer never both win). */
@Injectable()
export class StartNowUseCase {
  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly goingLive: GoingLive,
    private readonly transactor: Transactor,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ auctionId, userId }: StartNowInput): Promise<AuctionSnapshot> {
    const wentLive = await this.transactor.run(async (tx) => {
      const auction = await this.auctions.lockAuction(tx, auctionId);
      requireScheduledBy(auction, userId, 'start');
      return this.goingLive.take(tx, auction, this.clock.now(), userId);
    });
    this.goingLive.announce(wentLive);
    return buildSnapshot((await this.auctions.view(this.database.db, auctionId))!, this.clock.now());
  }
}
