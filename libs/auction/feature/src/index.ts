export { AuctionModule } from './auction.module.js';
export { auctionService } from './auction.service-definition.js';
export { auctionMigrations } from './migrations.js';
export { auctionIdOf } from './model/auction-id.js';
export { CLOSER_POLL_MS } from './scheduler/lot-closer.js';
export { BID_RATE, PlaceBidUseCase } from './use-cases/place-bid/place-bid.use-case.js';
export { SetProxyUseCase } from './use-cases/set-proxy/set-proxy.use-case.js';
export { SOCKET_JOIN_RATE } from './realtime/auction.gateway.js';
