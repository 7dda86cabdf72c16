import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventBus } from '@auction/realtime';
import { StoreRosters } from './store-rosters.js';

/** Rosters arrive with `auction.completed`; in cluster mode a failed handling is retried. */
@Injectable()
export class AuctionCompletedListener implements OnModuleInit {
  constructor(
    private readonly bus: EventBus,
    private readonly storeRosters: StoreRosters,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe('auction.completed', 'scoring', async (event) => {
      await this.storeRosters.fromEvent(event);
    });
  }
}
