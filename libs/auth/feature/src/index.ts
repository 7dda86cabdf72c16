export { AuthModule } from './auth.module.js';
export { authMigrations } from './migrations.js';
export { MAGIC_LINK_TTL_MS } from './magic-link/sign-in-links.js';
export { REFRESH_FAMILY_LIFETIME_MS } from './session/session-tokens.js';
export { REFRESH_REUSE_GRACE_MS } from './use-cases/refresh-session/refresh-session.use-case.js';
export { authService } from './auth.service-definition.js';
