import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { AuctionCompletedEvent } from '@auction/contracts';
import type { Logger } from '@auction/observability';
import { LOGGER } from '@auction/platform';
import { EventBus } from '@auction/realtime';
import { LeaguesRepository } from '../leagues/leagues.repository.js';

/** On the internal event `auction.completed`, the league's status becomes `completed` (idempotent). */
@Injectable()
export class CompleteLeague implements OnModuleInit {
  constructor(
    private readonly bus: EventBus,
    private readonly leagues: LeaguesRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe('auction.completed', 'leagues', (event) => this.execute(event));
  }

  async execute(event: AuctionCompletedEvent): Promise<void> {
    const changed = await this.leagues.completeAuction(event.leagueId, event.auctionId);
    this.logger.info({ leagueId: event.leagueId, auctionId: event.auctionId, changed }, 'league auction completed');
  }
}
