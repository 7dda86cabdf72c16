import { Inject, Injectable } from '@nestjs/common';
import { resultsCsv } from '@auction/auction-domain';
import type { DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import { closedLotView } from '../../model/auction-state.js';
import { memberView } from '../shared/membership.js';

export interface ResultsCsvInput {
  auctionId: string;
  userId: string;
}

/** `results.csv` for a member: every closed lot with its winner's current display name. */
@Injectable()
export class ResultsCsvQuery {
  constructor(
    private readonly auctions: AuctionsRepository,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
  ) {}

  async execute({ auctionId, userId }: ResultsCsvInput): Promise<string> {
    const view = await memberView(this.auctions, this.database.db, auctionId, userId);
    const names = new Map(view.managers.map((manager) => [manager.userId, manager.displayName]));
    return resultsCsv(view.closedLots.map(closedLotView), names);
  }
}
