export * from './publisher.js';
export * from './redis-io.adapter.js';
export * from './event-bus.js';
export * from './realtime.module.js';
