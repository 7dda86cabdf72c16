import type { HostedService } from '@auction/platform';
import { scoringMigrations } from './migrations.js';
import { ScoringModule } from './scoring.module.js';

export const scoringService: HostedService = {
  definition: {
    docs: 'scoring',
    title: 'Scoring service',
    module: ScoringModule,
    // Match files are streamed by their routes (Cricsheet files are JSON).
    uploadRoutes: [/^\/api\/scoring\/leagues\/[^/]+\/(fixtures|results)\/?$/],
  },
  data: { migrations: scoringMigrations },
};
