import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from '@auction/observability';
import type { DatabaseHandle } from '@auction/db';
import { CLOCK, DATABASE, LOGGER, type Clock } from '@auction/platform';
import { AuctionsRepository } from '../data/auctions.repository.js';
import { CloseLotUseCase } from '../use-cases/close-lot/close-lot.use-case.js';
import { OpenNextLotUseCase } from '../use-cases/open-next-lot/open-next-lot.use-case.js';
import { PublishCompletionUseCase } from '../use-cases/publish-completion/publish-completion.use-case.js';
import type { LotDeadlines } from '../use-cases/shared/due-times.js';
import { SweepLoop } from './sweep-loop.js';

export const CLOSER_POLL_MS = 200;
const OUTBOX_POLL_MS = 5_000;
const OUTBOX_GRACE_MS = 10_000;

/**
 * Every replica runs this loop: a timer to the nearest deadline or end of a gap it knows, plus
 * a poll of open lots and of auctions waiting for their next lot every 200 ms, so a lot whose
 * replica died still closes (and the next one opens) well within a second of its time. Closing
 * and opening are idempotent (see CloseLotUseCase, OpenNextLotUseCase); PostgreSQL is the only fence.
 */
@Injectable()
export class LotCloser implements LotDeadlines, OnApplicationBootstrap, OnApplicationShutdown {
  private outbox: NodeJS.Timeout | undefined;
  private readonly loop: SweepLoop;

  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly closeLot: CloseLotUseCase,
    private readonly openNextLot: OpenNextLotUseCase,
    private readonly publishCompletion: PublishCompletionUseCase,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.loop = new SweepLoop({
      clock,
      logger,
      pollMs: CLOSER_POLL_MS,
      what: 'lot closer',
      work: async () => {
        await this.closeDue();
        await this.openDue();
      },
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
    this.outbox = setInterval(() => void this.retryCompletions(), OUTBOX_POLL_MS);
  }

  onApplicationShutdown(): void {
    this.loop.stop();
    clearInterval(this.outbox);
  }

  private get stopped(): boolean {
    return this.loop.stopped;
  }

  /** A deadline or end of a gap this replica just set or learnt: act right at it rather than at the next poll. */
  watch(at: Date | null): void {
    this.loop.watch(at);
  }

  /** Closes every due lot and opens every lot whose gap is over, then arms the timer for the nearest time still ahead. */
  sweep(): Promise<void> {
    return this.loop.sweep();
  }

  private async closeDue(): Promise<void> {
    const now = this.clock.now();
    const open = await this.auctions.openLotsByDeadline(this.database.db, 50);
    const due = open.filter((lot) => lot.endsAt.getTime() <= now.getTime());
    await Promise.all(
      due.map((lot) =>
        this.closeLot.execute({ auctionId: lot.auctionId, lotId: lot.id }).catch((error: Error) => {
          if (!this.stopped) this.logger.warn({ lotId: lot.id, err: error.message }, 'closing a lot failed; retrying');
        }),
      ),
    );
    this.watch(open.find((lot) => lot.endsAt.getTime() > now.getTime())?.endsAt ?? null);
  }

  private async openDue(): Promise<void> {
    const now = this.clock.now();
    const waiting = await this.auctions.auctionsAwaitingLot(this.database.db, 50);
    const due = waiting.filter((auction) => auction.nextLotAt.getTime() <= now.getTime());
    await Promise.all(
      due.map((auction) =>
        this.openNextLot
          .execute({ auctionId: auction.id })
          .then((lot) => this.watch(lot?.endsAt ?? null))
          .catch((error: Error) => {
            if (!this.stopped) this.logger.warn({ auctionId: auction.id, err: error.message }, 'opening the next lot failed; retrying');
          }),
      ),
    );
    this.watch(waiting.find((auction) => auction.nextLotAt.getTime() > now.getTime())?.nextLotAt ?? null);
  }

  private async retryCompletions(): Promise<void> {
    if (this.stopped) return;
    try {
      const pending = await this.auctions.unpublishedCompletions(this.database.db, new Date(this.clock.now().getTime() - OUTBOX_GRACE_MS));
      for (const auctionId of pending) await this.publishCompletion.execute({ auctionId });
    } catch (error) {
      if (!this.stopped) this.logger.warn({ err: (error as Error).message }, 'publishing auction.completed failed; retrying');
    }
  }
}
