export { ScoringModule } from './scoring.module.js';
export { scoringMigrations } from './migrations.js';
export { scoringService } from './scoring.service-definition.js';
export { CONTEXT_TTL_MS } from './league-context/league-contexts.js';
export type { StoredRosters } from './rosters/store-rosters.js';
