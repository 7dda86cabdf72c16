import { fileURLToPath } from 'node:url';
import type { MigrationSet } from '@auction/db';

export const authMigrations: MigrationSet = {
  schema: 'auth',
  folder: fileURLToPath(new URL('../migrations', import.meta.url)),
};
