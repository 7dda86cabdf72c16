import { integer, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { scoringSchema } from './scoring-schema.js';

/**
 * One cricket player's figures in one match, as uploaded. The import accepts lines only for
 * matches of the league's fixtures (checked under the league's lock; fixtures are never
 * deleted), so there is no foreign key: its per-row key-share lock on the fixture would cost
 * more than the rest of a 5,000-line import.
 */
export const playerStats = scoringSchema.table(
  'player_stats',
  {
    leagueId: uuid('league_id').notNull(),
    externalMatchId: text('external_match_id').notNull(),
    playerExternalId: text('player_external_id').notNull(),
    runs: integer('runs').notNull(),
    wickets: integer('wickets').notNull(),
    catches: integer('catches').notNull(),
    stumpings: integer('stumpings').notNull(),
    runOuts: integer('run_outs').notNull(),
  },
  (t) => [primaryKey({ columns: [t.leagueId, t.externalMatchId, t.playerExternalId] })],
);
