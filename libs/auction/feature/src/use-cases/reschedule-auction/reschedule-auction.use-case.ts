import { Inject, Injectable } from '@nestjs/common';
import type { AuctionSnapshot } from '@auction/contracts';
import { Transactor, type DatabaseHandle } from '@auction/db';
import { CLOCK, DATABASE, type Clock } from '@auction/platform';
import { AuditRepository } from '../../data/audit.repository.js';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import { buildSnapshot } from '../../model/auction-state.js';
import { ScheduledStartTimes } from '../shared/due-times.js';
import { RoomEvents } from '../shared/room-events.js';
import { requireSchedulable, requireScheduledBy } from '../shared/schedulable.js';
import { ScheduleMails } from '../shared/schedule-mails.js';

export interface RescheduleAuctionInput {
  auctionId: string;
  userId: string;
  startsAt: Date;
}

/**
 * `PATCH /api/auctions/:id {startsAt}`: the commissioner moves a scheduled auction. Under the
 * auction row lock, so a move and the go-live never both win; the reminder is due again for
 * the new time; members are mailed the new time and the room gets a fresh snapshot.
 */
@Injectable()
export class RescheduleAuctionUseCase {
  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly audit: AuditRepository,
    private readonly room: RoomEvents,
    private readonly mails: ScheduleMails,
    private readonly starts: ScheduledStartTimes,
    private readonly transactor: Transactor,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ auctionId, userId, startsAt }: RescheduleAuctionInput): Promise<AuctionSnapshot> {
    await this.transactor.run(async (tx) => {
      const auction = await this.auctions.lockAuction(tx, auctionId);
      requireScheduledBy(auction, userId, 'move');
      const now = this.clock.now();
      requireSchedulable(startsAt, now);
      await this.auctions.setSeq(tx, auctionId, auction.seq + 1, {
        startsAt,
        reminderSentAt: this.mails.reminderDue(startsAt, now) ? now : null,
      });
      const details = { from: auction.startsAt!.toISOString(), to: startsAt.toISOString() };
      await this.audit.record(tx, { auctionId, seq: auction.seq + 1, at: now, actorId: userId, action: 'reschedule', details });
    });
    const view = (await this.auctions.view(this.database.db, auctionId))!;
    const snapshot = buildSnapshot(view, this.clock.now());
    this.room.snapshot(snapshot);
    this.mails.rescheduled(view.auction);
    this.starts.watch(startsAt);
    return snapshot;
  }
}
