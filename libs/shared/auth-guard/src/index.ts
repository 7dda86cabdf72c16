export * from './access-token.js';
export * from './service-token.js';
export * from './jwt.strategy.js';
export * from './guards.js';
export * from './current-user.js';
export * from './auth-guard.module.js';
