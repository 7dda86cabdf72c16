export * from './auction-schema.js';
export * from './auctions.js';
export * from './managers.js';
export * from './lots.js';
export * from './bids.js';
export * from './bid-refusals.js';
export * from './audit-entries.js';
export * from './proxies.js';
