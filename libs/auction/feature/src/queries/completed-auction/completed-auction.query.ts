import { Inject, Injectable } from '@nestjs/common';
import type { AuctionCompletedEvent } from '@auction/contracts';
import { Transactor } from '@auction/db';
import { CLOCK, type Clock } from '@auction/platform';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import { completionEvent } from '../../model/completion-event.js';

export interface CompletedAuctionInput {
  leagueId: string;
}

/** The `auction.completed` payload on demand (scoring's rebuild), or null while the league has no completed auction. */
@Injectable()
export class CompletedAuctionQuery {
  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly transactor: Transactor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ leagueId }: CompletedAuctionInput): Promise<AuctionCompletedEvent | null> {
    return this.transactor.snapshot(async (db) => {
      const auction = await this.auctions.findByLeague(db, leagueId);
      if (!auction || auction.status !== 'completed') return null;
      const managers = await this.auctions.managers(db, auction.id);
      return completionEvent(auction, managers, await this.auctions.soldLots(db, auction.id), this.clock.now());
    });
  }
}
