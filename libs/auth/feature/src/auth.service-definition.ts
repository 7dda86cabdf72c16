import type { HostedService } from '@auction/platform';
import { AuthModule } from './auth.module.js';
import { authMigrations } from './migrations.js';

export const authService: HostedService = {
  definition: { docs: 'auth', title: 'Auth service', module: AuthModule },
  data: { migrations: authMigrations },
};
