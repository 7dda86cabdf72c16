import { index, integer, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { scoringSchema } from './scoring-schema.js';

/** Who owns which asset in a league, and for how much; an asset has at most one owner per league. */
export const rosterAssets = scoringSchema.table(
  'roster_assets',
  {
    leagueId: uuid('league_id').notNull(),
    assetId: uuid('asset_id').notNull(),
    userId: uuid('user_id').notNull(),
    externalId: text('external_id').notNull(),
    name: text('name').notNull(),
    price: integer('price').notNull(),
    lotId: uuid('lot_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.leagueId, t.assetId] }), index('roster_assets_league_user_idx').on(t.leagueId, t.userId)],
);
