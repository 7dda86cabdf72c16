import type { HostedService } from '@auction/platform';
import { scoringMigrations } from './migrations.js';
import { ScoringModule } from './scoring.module.js';

export const scoringService: HostedService = {
  definition: { docs: 'scoring', title: 'Scoring service', module: ScoringModule },
  data: { migrations: scoringMigrations },
};
