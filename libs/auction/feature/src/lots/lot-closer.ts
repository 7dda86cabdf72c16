import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from '@auction/observability';
import { CLOCK, LOGGER, type Clock } from '@auction/platform';
import { AuctionsRepository } from '../auctions/auctions.repository.js';
import { CompletionPublisher } from '../auctions/completion-publisher.js';
import { CloseLot } from './close-lot.js';

export const CLOSER_POLL_MS = 200;
const OUTBOX_POLL_MS = 5_000;
const OUTBOX_GRACE_MS = 10_000;

/**
 * Every replica runs this loop: a timer to the nearest deadline it knows, plus a poll of open
 * lots every 200 ms, so a lot whose replica died still closes well within a second of its
 * deadline. Closing is idempotent (see CloseLot); PostgreSQL is the only fence.
 */
@Injectable()
export class LotCloser implements OnApplicationBootstrap, OnApplicationShutdown {
  private poll: NodeJS.Timeout | undefined;
  private outbox: NodeJS.Timeout | undefined;
  private deadlineTimer: NodeJS.Timeout | undefined;
  private deadlineAt: number | null = null;
  private sweeping = false;
  private sweepAgain = false;
  private stopped = false;

  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly closeLot: CloseLot,
    private readonly completions: CompletionPublisher,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.poll = setInterval(() => void this.sweep(), CLOSER_POLL_MS);
    this.outbox = setInterval(() => void this.retryCompletions(), OUTBOX_POLL_MS);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearInterval(this.poll);
    clearInterval(this.outbox);
    clearTimeout(this.deadlineTimer);
  }

  /** A deadline this replica just set or learnt: close right at it rather than at the next poll. */
  watch(endsAt: Date | null): void {
    if (!endsAt || this.stopped) return;
    const at = endsAt.getTime();
    if (this.deadlineAt !== null && this.deadlineAt <= at) return;
    clearTimeout(this.deadlineTimer);
    this.deadlineAt = at;
    const delay = Math.max(0, at - this.clock.now().getTime()) + 2;
    this.deadlineTimer = setTimeout(() => {
      this.deadlineAt = null;
      void this.sweep();
    }, delay);
  }

  /** Closes every due lot, then arms the timer for the nearest deadline still ahead. */
  async sweep(): Promise<void> {
    if (this.stopped) return;
    if (this.sweeping) {
      this.sweepAgain = true;
      return;
    }
    this.sweeping = true;
    try {
      do {
        this.sweepAgain = false;
        await this.closeDue();
      } while (this.sweepAgain && !this.stopped);
    } catch (error) {
      if (!this.stopped) this.logger.warn({ err: (error as Error).message }, 'lot closer sweep failed; retrying');
    } finally {
      this.sweeping = false;
    }
  }

  private async closeDue(): Promise<void> {
    const now = this.clock.now();
    const open = await this.auctions.openLotsByDeadline(50);
    const due = open.filter((lot) => lot.endsAt.getTime() <= now.getTime());
    await Promise.all(
      due.map((lot) =>
        this.closeLot.execute(lot.auctionId, lot.id).catch((error: Error) => {
          if (!this.stopped) this.logger.warn({ lotId: lot.id, err: error.message }, 'closing a lot failed; retrying');
        }),
      ),
    );
    this.watch(open.find((lot) => lot.endsAt.getTime() > now.getTime())?.endsAt ?? null);
  }

  private async retryCompletions(): Promise<void> {
    if (this.stopped) return;
    try {
      const pending = await this.auctions.unpublishedCompletions(new Date(this.clock.now().getTime() - OUTBOX_GRACE_MS));
      for (const auctionId of pending) await this.completions.publish(auctionId);
    } catch (error) {
      if (!this.stopped) this.logger.warn({ err: (error as Error).message }, 'publishing auction.completed failed; retrying');
    }
  }
}
