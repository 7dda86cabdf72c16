export * from './tokens.js';
export * from './problem.filter.js';
export * from './zod.pipe.js';
export * from './request-context.js';
export * from './health.controller.js';
export * from './core.module.js';
export * from './bootstrap.js';
export * from './upload.js';
