export { ScoringModule } from './scoring.module.js';
export { scoringMigrations } from './migrations.js';
export { scoringService } from './scoring.service-definition.js';
export { CONTEXT_TTL_MS } from './league-context/league-contexts.js';
export type { StoredRosters } from './use-cases/store-rosters/store-rosters.use-case.js';
/** The recompute use case, for operations and `bench:scoring`. */
export { RecomputeStandingsUseCase } from './use-cases/recompute-standings/recompute-standings.use-case.js';
