import { Inject, Injectable } from '@nestjs/common';
import type { AuctionSnapshot } from '@auction/contracts';
import type { DatabaseHandle } from '@auction/db';
import { CLOCK, DATABASE, type Clock } from '@auction/platform';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import { buildSnapshot } from '../../model/auction-state.js';
import { memberView } from '../shared/membership.js';

export interface AuctionSnapshotInput {
  auctionId: string;
  userId: string;
}

/** The snapshot for a member (HTTP `GET /api/auctions/:id`, and the answer to `auction:join`). */
@Injectable()
export class AuctionSnapshotQuery {
  constructor(
    private readonly auctions: AuctionsRepository,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ auctionId, userId }: AuctionSnapshotInput): Promise<AuctionSnapshot> {
    return buildSnapshot(await memberView(this.auctions, this.database.db, auctionId, userId), this.clock.now());
  }
}
