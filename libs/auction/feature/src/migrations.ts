import { fileURLToPath } from 'node:url';
import type { MigrationSet } from '@auction/db';

export const auctionMigrations: MigrationSet = {
  schema: 'auction',
  folder: fileURLToPath(new URL('../migrations', import.meta.url)),
};
