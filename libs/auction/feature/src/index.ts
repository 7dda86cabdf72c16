export { AuctionModule } from './auction.module.js';
export { auctionService } from './auction.service-definition.js';
