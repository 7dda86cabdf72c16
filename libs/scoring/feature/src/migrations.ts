import { fileURLToPath } from 'node:url';
import type { MigrationSet } from '@auction/db';

export const scoringMigrations: MigrationSet = {
  schema: 'scoring',
  folder: fileURLToPath(new URL('../migrations', import.meta.url)),
};
