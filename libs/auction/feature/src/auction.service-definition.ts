import type { HostedService } from '@auction/platform';
import { RealtimeIoAdapter } from '@auction/realtime';
import { AuctionModule } from './auction.module.js';
import { auctionMigrations } from './migrations.js';

export const auctionService: HostedService = {
  definition: { docs: 'auctions', title: 'Auction service', module: AuctionModule },
  data: { migrations: auctionMigrations },
  /** Connects the Redis adapter before the gateway starts, so rooms span replicas from the first event. */
  configure: async (app, runtime) => {
    const adapter = new RealtimeIoAdapter(app, { redisUrl: runtime.config.redisUrl, corsOrigins: runtime.config.corsOrigins });
    await adapter.connect();
    app.useWebSocketAdapter(adapter);
  },
};
