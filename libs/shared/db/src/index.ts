export * from './postgres.js';
export * from './migrate.js';
export * from './embedded.js';
export * from './redis.js';
export * from './data-setup.js';
export * from './ports.js';
export * from './transactor.js';
export * from './prepared-statement.js';
