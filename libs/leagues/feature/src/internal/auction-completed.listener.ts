import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventBus } from '@auction/realtime';
import { CompleteLeagueUseCase } from '../use-cases/complete-league/complete-league.use-case.js';

/** `auction.completed` from the auction engine closes the league's auction. */
@Injectable()
export class AuctionCompletedListener implements OnModuleInit {
  constructor(
    private readonly bus: EventBus,
    private readonly completeLeague: CompleteLeagueUseCase,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe('auction.completed', 'leagues', (event) => this.completeLeague.execute(event));
  }
}
