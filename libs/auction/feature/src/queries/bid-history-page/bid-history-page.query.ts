import { Inject, Injectable } from '@nestjs/common';
import type { AcceptedBid, BidHistoryQuery, Page } from '@auction/contracts';
import type { DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';
import { BidsRepository } from '../../data/bids.repository.js';
import { AuctionMembershipQuery } from '../auction-membership/auction-membership.query.js';

export interface BidHistoryPageInput extends BidHistoryQuery {
  auctionId: string;
  userId: string;
}

/** A member's page of the auction's accepted bids, newest first. */
@Injectable()
export class BidHistoryPageQuery {
  constructor(
    private readonly bids: BidsRepository,
    private readonly membership: AuctionMembershipQuery,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
  ) {}

  async execute({ auctionId, userId, lotId, limit, cursor }: BidHistoryPageInput): Promise<Page<AcceptedBid>> {
    await this.membership.execute({ auctionId, userId });
    const items = await this.bids.history(this.database.db, auctionId, { lotId, limit: limit + 1, beforeSeq: cursor });
    const page = items.slice(0, limit);
    return { items: page, nextCursor: items.length > limit ? String(page.at(-1)!.seq) : null };
  }
}
