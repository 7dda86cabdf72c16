import { fileURLToPath } from 'node:url';
import type { HostedService } from '@auction/platform';
import { AuctionModule } from './auction.module.js';

export const auctionService: HostedService = {
  definition: { docs: 'auctions', title: 'Auction service', module: AuctionModule },
  data: { migrations: { schema: 'auction', folder: fileURLToPath(new URL('../migrations', import.meta.url)) } },
};
