import { foreignKey, integer, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { fixtures } from './fixtures.js';
import { scoringSchema } from './scoring-schema.js';

/** One cricket player's figures in one match, as uploaded. */
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
  (t) => [
    primaryKey({ columns: [t.leagueId, t.externalMatchId, t.playerExternalId] }),
    foreignKey({
      name: 'player_stats_fixture_fk',
      columns: [t.leagueId, t.externalMatchId],
      foreignColumns: [fixtures.leagueId, fixtures.externalMatchId],
    }).onDelete('cascade'),
  ],
);
