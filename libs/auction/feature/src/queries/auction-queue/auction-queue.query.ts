import { Inject, Injectable } from '@nestjs/common';
import type { AuctionQueue } from '@auction/contracts';
import { watchlist } from '@auction/auction-domain';
import type { DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import { QueuesRepository } from '../../data/queues.repository.js';
import { notAMember, notFound } from '../shared/membership.js';

export interface AuctionQueueInput {
  auctionId: string;
  userId: string;
}

/** The caller's own queue (nobody else's is ever read); in `order` mode with when each asset comes up. */
@Injectable()
export class AuctionQueueQuery {
  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly queues: QueuesRepository,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
  ) {}

  async execute({ auctionId, userId }: AuctionQueueInput): Promise<AuctionQueue> {
    const db = this.database.db;
    const auction = await this.auctions.findById(db, auctionId);
    if (!auction) throw notFound();
    if (!(await this.auctions.manager(db, auctionId, userId))) throw notAMember();
    const assetIds = await this.queues.find(db, auctionId, userId);
    if (auction.settings.nominationMode !== 'order') return { assetIds };
    const pending = await this.auctions.pendingLotList(db, auctionId);
    return {
      assetIds,
      watchlist: watchlist(
        assetIds,
        pending.map((lot) => lot.asset.id),
      ),
    };
  }
}
