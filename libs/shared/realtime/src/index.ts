export * from './publisher.js';
export * from './io-adapter.js';
export * from './tolerant-publish.js';
export * from './event-bus.js';
export * from './realtime.module.js';
