import type { HostedService } from '@auction/platform';
import { AuctionModule } from './auction.module.js';
import { CorsIoAdapter, ResilientRedisIoAdapter } from './gateway/io-adapters.js';
import { auctionMigrations } from './migrations.js';

export const auctionService: HostedService = {
  definition: { docs: 'auctions', title: 'Auction service', module: AuctionModule },
  data: { migrations: auctionMigrations },
  /** Connects the Redis adapter before the gateway starts, so rooms span replicas from the first event. */
  configure: async (app, runtime) => {
    const { redisUrl, corsOrigins } = runtime.config;
    if (redisUrl) {
      const adapter = new ResilientRedisIoAdapter(app, redisUrl, corsOrigins);
      await adapter.connect();
      app.useWebSocketAdapter(adapter);
    } else if (corsOrigins.length > 0) {
      app.useWebSocketAdapter(new CorsIoAdapter(app, corsOrigins));
    }
  },
};
