import { fileURLToPath } from 'node:url';
import type { HostedService } from '@auction/platform';
import { LeaguesModule } from './leagues.module.js';

export const leaguesService: HostedService = {
  definition: { docs: 'leagues', title: 'Leagues service', module: LeaguesModule },
  data: { migrations: { schema: 'leagues', folder: fileURLToPath(new URL('../migrations', import.meta.url)) } },
};
