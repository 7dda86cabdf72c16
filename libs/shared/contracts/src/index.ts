export * from './errors.js';
export * from './common.js';
export * from './auth.js';
export * from './sports.js';
export * from './leagues.js';
export * from './auctions.js';
export * from './scoring.js';
export * from './events.js';
