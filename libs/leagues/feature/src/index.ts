export { LeaguesModule } from './leagues.module.js';
export { leaguesService } from './leagues.service-definition.js';
