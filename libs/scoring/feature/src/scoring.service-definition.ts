import { fileURLToPath } from 'node:url';
import type { HostedService } from '@auction/platform';
import { ScoringModule } from './scoring.module.js';

export const scoringService: HostedService = {
  definition: { docs: 'scoring', title: 'Scoring service', module: ScoringModule },
  data: { migrations: { schema: 'scoring', folder: fileURLToPath(new URL('../migrations', import.meta.url)) } },
};
