export * from './bid-rules.js';
export * from './deadlines.js';
export * from './lot-order.js';
export * from './completion.js';
export * from './invariants.js';
export * from './schedule.js';
