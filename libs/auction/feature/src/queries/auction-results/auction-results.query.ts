import { Inject, Injectable } from '@nestjs/common';
import type { AuctionResults } from '@auction/contracts';
import type { DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import { memberView } from '../shared/membership.js';

export interface AuctionResultsInput {
  auctionId: string;
  userId: string;
}

/** Every manager's purse and roster, the unsold lots and the assets never offered. */
@Injectable()
export class AuctionResultsQuery {
  constructor(
    private readonly auctions: AuctionsRepository,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
  ) {}

  async execute({ auctionId, userId }: AuctionResultsInput): Promise<AuctionResults> {
    const db = this.database.db;
    const view = await memberView(this.auctions, db, auctionId, userId);
    return {
      auctionId,
      managers: view.managers.map((manager) => ({
        userId: manager.userId,
        displayName: manager.displayName,
        budgetRemaining: manager.budgetRemaining,
        spent: manager.spent,
        roster: view.closedLots
          .filter((lot) => lot.status === 'sold' && lot.winnerId === manager.userId)
          .map((lot) => ({ asset: lot.asset, price: lot.price!, lotId: lot.id })),
      })),
      unsold: view.closedLots.filter((lot) => lot.status === 'unsold').map((lot) => ({ asset: lot.asset, lotId: lot.id })),
      neverOffered: (await this.auctions.pendingLotList(db, auctionId)).map((lot) => lot.asset),
    };
  }
}
