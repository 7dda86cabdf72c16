export * from './shared-modules.js';
export * from './run-service.js';
