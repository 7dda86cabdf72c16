import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { DatabaseHandle } from '@auction/db';
import type { Logger } from '@auction/observability';
import { CLOCK, DATABASE, LOGGER, type Clock } from '@auction/platform';
import { TurnsRepository } from '../data/turns.repository.js';
import { AutoNominateUseCase } from '../use-cases/auto-nominate/auto-nominate.use-case.js';
import { CLOSER_POLL_MS } from './lot-closer.js';
import { SweepLoop } from './sweep-loop.js';

/**
 * Every replica runs this loop, as the lot closer does: a timer to the nearest turn timeout it
 * knows, plus a poll of turns in progress every 200 ms, so a turn whose replica died is still
 * nominated well within a second of its timeout. PostgreSQL decides who nominates
 * (`AutoNominateUseCase`), so racing replicas nominate a turn once.
 */
@Injectable()
export class NominationTimer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: SweepLoop;

  constructor(
    private readonly turns: TurnsRepository,
    private readonly autoNominate: AutoNominateUseCase,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.loop = new SweepLoop({ clock, logger, pollMs: CLOSER_POLL_MS, what: 'nomination timer', work: () => this.nominateDue() });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onApplicationShutdown(): void {
    this.loop.stop();
  }

  sweep(): Promise<void> {
    return this.loop.sweep();
  }

  private async nominateDue(): Promise<void> {
    const now = this.clock.now();
    const turns = await this.turns.turnsByDeadline(this.database.db, 50);
    const due = turns.filter((turn) => turn.turnEndsAt.getTime() <= now.getTime());
    await Promise.all(
      due.map((turn) =>
        this.autoNominate.execute({ auctionId: turn.id, turnNumber: turn.turnNumber }).catch((error: Error) => {
          if (!this.loop.stopped) this.logger.warn({ auctionId: turn.id, err: error.message }, 'automatic nomination failed; retrying');
        }),
      ),
    );
    const next = turns.find((turn) => turn.turnEndsAt.getTime() > now.getTime());
    if (next) this.loop.watch(next.turnEndsAt);
  }
}
