export { AuthModule } from './auth.module.js';
export { authMigrations } from './migrations.js';
export { MAGIC_LINK_TTL_MS } from './magic-link/magic-link.service.js';
export { REFRESH_FAMILY_LIFETIME_MS, REFRESH_REUSE_GRACE_MS } from './session/session.service.js';
export { authService } from './auth.service-definition.js';
