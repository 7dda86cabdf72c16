import { integer, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { scoringSchema } from './scoring-schema.js';

/**
 * Each asset's season so far: the sums of its `asset_points`, refreshed for the assets an import
 * touches. A leaderboard needs only these, so a recompute reads one row per asset, not one per
 * asset and match.
 */
export const assetTotals = scoringSchema.table(
  'asset_totals',
  {
    leagueId: uuid('league_id').notNull(),
    assetExternalId: text('asset_external_id').notNull(),
    points: integer('points').notNull(),
    goals: integer('goals').notNull(),
    wins: integer('wins').notNull(),
    catches: integer('catches').notNull(),
    stumpings: integer('stumpings').notNull(),
    runOuts: integer('run_outs').notNull(),
  },
  (t) => [primaryKey({ columns: [t.leagueId, t.assetExternalId] })],
);
