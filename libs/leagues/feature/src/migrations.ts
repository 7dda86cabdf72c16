import { fileURLToPath } from 'node:url';
import type { MigrationSet } from '@auction/db';

export const leaguesMigrations: MigrationSet = {
  schema: 'leagues',
  folder: fileURLToPath(new URL('../migrations', import.meta.url)),
};
