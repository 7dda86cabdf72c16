import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@auction/config';
import type { Logger } from '@auction/observability';
import type { DatabaseHandle } from '@auction/db';
import { APP_CONFIG, CLOCK, DATABASE, LOGGER, type Clock } from '@auction/platform';
import { AuctionsRepository } from '../data/auctions.repository.js';
import { GoLiveUseCase } from '../use-cases/go-live/go-live.use-case.js';
import { SendReminderUseCase } from '../use-cases/send-reminder/send-reminder.use-case.js';
import type { ScheduledStartTimes } from '../use-cases/shared/due-times.js';
import { DueTimer } from './due-timer.js';

const POLL_MS = 200;

/**
 * Every replica runs this loop over scheduled auctions starting within the reminder's lead
 * time: a timer to the nearest start it knows plus a poll every 200 ms. At `startsAt` each
 * replica tries `GoLiveUseCase`, which succeeds once (PostgreSQL is the fence); the reminder is
 * claimed by one conditional update, so one replica mails it.
 */
@Injectable()
export class ScheduledStarts implements ScheduledStartTimes, OnApplicationBootstrap, OnApplicationShutdown {
  private poll: NodeJS.Timeout | undefined;
  private readonly timer: DueTimer;
  private running = false;
  private stopped = false;

  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly goLive: GoLiveUseCase,
    private readonly sendReminder: SendReminderUseCase,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
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
      for (const auction of await this.auctions.scheduledBy(this.database.db, horizon, 50)) {
        if (auction.startsAt.getTime() <= now.getTime()) await this.goLive.execute({ auctionId: auction.id });
        else {
          this.timer.watch(auction.startsAt);
          if (!auction.reminderSentAt) await this.sendReminder.execute({ auctionId: auction.id, startsAt: auction.startsAt });
        }
      }
    } catch (error) {
      if (!this.stopped) this.logger.warn({ err: (error as Error).message }, 'scheduled starts sweep failed; retrying');
    } finally {
      this.running = false;
    }
  }
}
