import { Inject, Injectable } from '@nestjs/common';
import type { AuctionSnapshot } from '@auction/contracts';
import type { DatabaseHandle } from '@auction/db';
import { CLOCK, DATABASE, type Clock } from '@auction/platform';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import { buildSnapshot } from '../../model/auction-state.js';

export interface RoomSnapshotInput {
  auctionId: string;
}

/** The snapshot without a membership check, for a resync of sockets already admitted to the room; null for no such auction. */
@Injectable()
export class RoomSnapshotQuery {
  constructor(
    private readonly auctions: AuctionsRepository,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ auctionId }: RoomSnapshotInput): Promise<AuctionSnapshot | null> {
    const view = await this.auctions.view(this.database.db, auctionId);
    return view ? buildSnapshot(view, this.clock.now()) : null;
  }
}
