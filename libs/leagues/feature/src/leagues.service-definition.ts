import type { HostedService } from '@auction/platform';
import { seedCatalogue } from './catalogue/catalogue.seed.js';
import { LeaguesModule } from './leagues.module.js';
import { leaguesMigrations } from './migrations.js';

export const leaguesService: HostedService = {
  definition: { docs: 'leagues', title: 'Leagues service', module: LeaguesModule },
  data: { migrations: leaguesMigrations, seed: seedCatalogue },
};
