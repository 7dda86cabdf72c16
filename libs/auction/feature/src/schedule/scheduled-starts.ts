import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@auction/config';
import type { Logger } from '@auction/observability';
import { APP_CONFIG, CLOCK, LOGGER, type Clock } from '@auction/platform';
import { AuctionsRepository } from '../auctions/auctions.repository.js';
import { DueTimer } from '../lots/due-timer.js';
import { GoLive } from './go-live.js';
import { ScheduleMails } from './schedule-mails.js';

const POLL_MS = 200;

/**
 * Every replica runs this loop over scheduled auctions starting within the reminder's lead
 * time: a timer to the nearest start it knows plus a poll every 200 ms. At `startsAt` each
 * replica tries `GoLive`, which succeeds once (PostgreSQL is the fence); the reminder is
 * claimed by one conditional update, so one replica mails it.
 */
@Injectable()
export class ScheduledStarts implements OnApplicationBootstrap, OnApplicationShutdown {
  private poll: NodeJS.Timeout | undefined;
  private readonly timer: DueTimer;
  private running = false;
  private stopped = false;

  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly goLive: GoLive,
    private readonly mails: ScheduleMails,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.timer = new DueTimer(clock, () => void this.sweep());
  }

  onApplicationBootstrap(): void {
    this.poll = setInterval(() => void this.sweep(), POLL_MS);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearInterval(this.poll);
    this.timer.stop();
  }

  /** A start this replica just set: go live right at it rather than at the next poll. */
  watch(startsAt: Date): void {
    this.timer.watch(startsAt);
  }

  async sweep(): Promise<void> {
    if (this.stopped || this.running) return;
    this.running = true;
    try {
      const now = this.clock.now();
      const horizon = new Date(now.getTime() + this.config.auctionReminderMinutes * 60_000);
      for (const auction of await this.auctions.scheduledBy(horizon, 50)) {
        if (auction.startsAt.getTime() <= now.getTime()) await this.goLive.ifDue(auction.id);
        else {
          this.timer.watch(auction.startsAt);
          if (!auction.reminderSentAt) await this.remind(auction.id, auction.startsAt, now);
        }
      }
    } catch (error) {
      if (!this.stopped) this.logger.warn({ err: (error as Error).message }, 'scheduled starts sweep failed; retrying');
    } finally {
      this.running = false;
    }
  }

  private async remind(auctionId: string, startsAt: Date, now: Date): Promise<void> {
    if (!(await this.auctions.claimReminder(auctionId, startsAt, now))) return;
    const auction = await this.auctions.findById(auctionId);
    if (auction) await this.mails.reminder(auction);
  }
}
