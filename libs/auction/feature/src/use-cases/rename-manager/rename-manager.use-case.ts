import { Inject, Injectable } from '@nestjs/common';
import type { DatabaseHandle } from '@auction/db';
import { CLOCK, DATABASE, type Clock } from '@auction/platform';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import { ManagerNamesRepository } from '../../data/manager-names.repository.js';
import { buildSnapshot } from '../../model/auction-state.js';
import { RoomEvents } from '../shared/room-events.js';

export interface RenameManagerInput {
  userId: string;
  displayName: string;
}

/**
 * A member's new display name (`user.renamed` from auth) in every auction they manage, which
 * snapshots, results and completion events read; each of those rooms gets a fresh
 * `auction:snapshot`, so an open room shows the name without a reload.
 */
@Injectable()
export class RenameManagerUseCase {
  constructor(
    private readonly names: ManagerNamesRepository,
    private readonly auctions: AuctionsRepository,
    private readonly room: RoomEvents,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ userId, displayName }: RenameManagerInput): Promise<void> {
    const db = this.database.db;
    for (const auctionId of await this.names.rename(db, userId, displayName)) {
      const view = await this.auctions.view(db, auctionId);
      if (view) this.room.snapshot(buildSnapshot(view, this.clock.now()));
    }
  }
}
