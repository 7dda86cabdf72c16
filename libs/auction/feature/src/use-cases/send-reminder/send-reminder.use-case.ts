import { Inject, Injectable } from '@nestjs/common';
import type { DatabaseHandle } from '@auction/db';
import { CLOCK, DATABASE, type Clock } from '@auction/platform';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import { ScheduleMails } from '../shared/schedule-mails.js';

export interface SendReminderInput {
  auctionId: string;
  /** The start the reminder is for: a reschedule in between makes this claim fail. */
  startsAt: Date;
}

/** The reminder mail before a scheduled start: claimed by one conditional update, so one replica sends it. */
@Injectable()
export class SendReminderUseCase {
  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly mails: ScheduleMails,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ auctionId, startsAt }: SendReminderInput): Promise<void> {
    const db = this.database.db;
    if (!(await this.auctions.claimReminder(db, auctionId, startsAt, this.clock.now()))) return;
    const auction = await this.auctions.findById(db, auctionId);
    if (auction) await this.mails.reminder(auction);
  }
}
