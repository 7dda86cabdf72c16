export { AuctionModule } from './auction.module.js';
export { auctionService } from './auction.service-definition.js';
export { auctionMigrations } from './migrations.js';
export { auctionIdOf } from './leagues/auction-setup.js';
export { CLOSER_POLL_MS } from './lots/lot-closer.js';
export { BID_RATE } from './bids/place-bid.js';
export { SOCKET_JOIN_RATE } from './gateway/auction.gateway.js';
