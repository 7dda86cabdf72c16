import { Inject, Injectable } from '@nestjs/common';
import type { AuctionCompletedEvent } from '@auction/contracts';
import type { Logger } from '@auction/observability';
import { LOGGER } from '@auction/platform';
import { LeaguesRepository } from '../../leagues/leagues.repository.js';

/** On the internal event `auction.completed`, the league's status becomes `completed` (idempotent). */
@Injectable()
export class CompleteLeagueUseCase {
  constructor(
    private readonly leagues: LeaguesRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(event: AuctionCompletedEvent): Promise<void> {
    const changed = await this.leagues.completeAuction(event.leagueId, event.auctionId);
    this.logger.info({ leagueId: event.leagueId, auctionId: event.auctionId, changed }, 'league auction completed');
  }
}
