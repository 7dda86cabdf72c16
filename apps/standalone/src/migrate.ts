import { connectForMigrations, setUpData } from '@auction/db';
import { ALL_SERVICES } from './services.js';

/** `npm run db:migrate`: applies every service's migrations and seed data to DATABASE_URL. */
const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write('DATABASE_URL: required to run migrations\n');
  process.exit(78);
}
const { pool, db } = connectForMigrations(url);
await setUpData(
  db,
  ALL_SERVICES.map((s) => s.data),
  {
    onRetry: (schema, attempt) =>
      process.stdout.write(`${schema}: gave way to live traffic holding its tables' locks; trying again (${attempt})\n`),
  },
);
await pool.end();
process.stdout.write('migrations applied\n');
