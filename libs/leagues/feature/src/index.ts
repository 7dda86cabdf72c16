export { LeaguesModule } from './leagues.module.js';
export { leaguesMigrations } from './migrations.js';
export { leaguesService } from './leagues.service-definition.js';
export { seedCatalogue } from './catalogue/catalogue.seed.js';
export { LEAGUE_LIMIT_RULES } from './league-limits.js';
export { CompleteLeagueUseCase } from './use-cases/complete-league/complete-league.use-case.js';
