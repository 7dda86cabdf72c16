export * from './logger.js';
export * from './metrics.js';
export * from './scrub.js';
export * from './scrub-error.js';
export * from './sentry.js';
