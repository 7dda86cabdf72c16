import { Inject, Injectable } from '@nestjs/common';
import type { DatabaseHandle } from '@auction/db';
import { CLOCK, DATABASE, type Clock } from '@auction/platform';
import { EventBus } from '@auction/realtime';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import { completionEvent } from '../../model/completion-event.js';

export interface PublishCompletionInput {
  auctionId: string;
}

/**
 * `auction.completed` for the scoring service: published after the completing transaction
 * committed, and retried by the closer loop until it reached the bus (at least once).
 */
@Injectable()
export class PublishCompletionUseCase {
  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly bus: EventBus,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ auctionId }: PublishCompletionInput): Promise<void> {
    const db = this.database.db;
    const auction = await this.auctions.findById(db, auctionId);
    if (!auction || auction.status !== 'completed') return;
    const [managers, sold] = await Promise.all([this.auctions.managers(db, auctionId), this.auctions.soldLots(db, auctionId)]);
    await this.bus.publish('auction.completed', completionEvent(auction, managers, sold, this.clock.now()));
    await this.auctions.markCompletionPublished(db, auctionId, this.clock.now());
  }
}
