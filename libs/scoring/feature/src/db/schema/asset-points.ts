import { index, integer, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { scoringSchema } from './scoring-schema.js';

/**
 * Points per asset per match, scored with the league's rules when the result was imported,
 * with that match's tie-break stats. Leaderboards and breakdowns both read these rows, so a
 * breakdown always adds up to the leaderboard's points. Derived rows, rewritten by every
 * import of their match; no foreign key to `fixtures`, whose per-row check (a key-share lock on
 * the fixture) would dominate writing a season's worth of rows.
 */
export const assetPoints = scoringSchema.table(
  'asset_points',
  {
    leagueId: uuid('league_id').notNull(),
    externalMatchId: text('external_match_id').notNull(),
    assetExternalId: text('asset_external_id').notNull(),
    points: integer('points').notNull(),
    goals: integer('goals').notNull().default(0),
    wins: integer('wins').notNull().default(0),
    catches: integer('catches').notNull().default(0),
    stumpings: integer('stumpings').notNull().default(0),
    runOuts: integer('run_outs').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.leagueId, t.externalMatchId, t.assetExternalId] }),
    index('asset_points_league_asset_idx').on(t.leagueId, t.assetExternalId),
  ],
);
