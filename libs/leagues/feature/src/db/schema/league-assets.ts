import { check, index, integer, primaryKey, unique, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { assets } from './assets.js';
import { leaguesSchema } from './leagues-schema.js';
import { leagues } from './leagues.js';

/** A league's asset pool, in lot order (`position` 0, 1, 2, …). */
export const leagueAssets = leaguesSchema.table(
  'league_assets',
  {
    leagueId: uuid('league_id')
      .notNull()
      .references(() => leagues.id, { onDelete: 'cascade' }),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ name: 'league_assets_pkey', columns: [t.leagueId, t.assetId] }),
    unique('league_assets_league_id_position_unique').on(t.leagueId, t.position),
    index('league_assets_asset_id_idx').on(t.assetId),
    check('league_assets_position_check', sql`${t.position} >= 0`),
  ],
);
