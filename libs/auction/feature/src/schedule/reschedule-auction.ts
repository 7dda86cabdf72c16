import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type AuctionSnapshot } from '@auction/contracts';
import { CLOCK, type Clock } from '@auction/platform';
import { AuctionBroadcaster } from '../auctions/auction-broadcaster.js';
import { buildSnapshot } from '../auctions/auction-state.js';
import { AuctionsRepository } from '../auctions/auctions.repository.js';
import { requireSchedulable } from '../auctions/start-auction.js';
import { ScheduleMails } from './schedule-mails.js';
import { ScheduledStarts } from './scheduled-starts.js';

/**
 * `PATCH /api/auctions/:id {startsAt}`: the commissioner moves a scheduled auction. Under the
 * auction row lock, so a move and the go-live never both win; the reminder is due again for
 * the new time; members are mailed the new time and the room gets a fresh snapshot.
 */
@Injectable()
export class RescheduleAuction {
  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly broadcaster: AuctionBroadcaster,
    private readonly mails: ScheduleMails,
    private readonly starts: ScheduledStarts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(auctionId: string, userId: string, startsAt: Date): Promise<AuctionSnapshot> {
    await this.auctions.transaction(async (db) => {
      const auction = await this.auctions.lockAuction(db, auctionId);
      if (!auction) throw new DomainError('NOT_FOUND', 'There is no such auction.');
      if (auction.commissionerId !== userId) throw new DomainError('NOT_COMMISSIONER', 'Only the commissioner can move the auction.');
      if (auction.status === 'completed') throw new DomainError('AUCTION_COMPLETED', 'The auction has ended.');
      if (auction.status !== 'scheduled') throw new DomainError('AUCTION_STARTED', 'The auction has already started.');
      const now = this.clock.now();
      requireSchedulable(startsAt, now);
      await this.auctions.setSeq(db, auctionId, auction.seq + 1, { startsAt, reminderSentAt: this.mails.reminderDue(startsAt, now) ? now : null });
    });
    const view = (await this.auctions.view(auctionId))!;
    const snapshot = buildSnapshot(view, this.clock.now());
    this.broadcaster.snapshot(snapshot);
    this.mails.rescheduled(view.auction);
    this.starts.watch(startsAt);
    return snapshot;
  }
}
