import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Logger } from '@auction/observability';
import { LOGGER } from '@auction/platform';
import { EventBus } from '@auction/realtime';
import { LeagueContexts } from '../league-context/league-contexts.js';
import { StoreRostersUseCase } from '../use-cases/store-rosters/store-rosters.use-case.js';

/** Rosters arrive with `auction.completed`; in cluster mode a failed handling is retried. */
@Injectable()
export class AuctionCompletedListener implements OnModuleInit {
  constructor(
    private readonly bus: EventBus,
    private readonly contexts: LeagueContexts,
    private readonly storeRosters: StoreRostersUseCase,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * The rosters are stored even when the leagues service cannot be asked for the league right
   * now; the standings are then left stale for the next read.
   */
  onModuleInit(): void {
    this.bus.subscribe('auction.completed', 'scoring', async (auction) => {
      this.contexts.forget(auction.leagueId);
      const context = await this.contexts.get(auction.leagueId).catch((error: Error) => {
        this.logger.warn({ leagueId: auction.leagueId, err: error.message }, 'league context unavailable; standings left stale');
        return null;
      });
      await this.storeRosters.execute({ auction, context, source: 'event' });
    });
  }
}
