export { ScoringModule } from './scoring.module.js';
export { scoringMigrations } from './migrations.js';
export { scoringService } from './scoring.service-definition.js';
export { CONTEXT_TTL_MS } from './league-context/league-contexts.js';
export type { StoredRosters } from './rosters/store-rosters.js';
/** The recompute use case and its transaction, for operations and `bench:scoring`. */
export { RecomputeStandings } from './standings/recompute-standings.js';
export { LeagueTransactions } from './db/league-transactions.js';
