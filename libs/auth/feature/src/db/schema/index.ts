export * from './auth-schema.js';
export * from './users.js';
export * from './magic-links.js';
export * from './refresh-tokens.js';
