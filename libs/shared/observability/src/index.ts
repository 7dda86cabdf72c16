export * from './logger.js';
export * from './metrics.js';
export * from './sentry.js';
export * from './scrub.js';
