import { index, integer, jsonb, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Tiebreaks } from '@auction/contracts';
import { scoringSchema } from './scoring-schema.js';

/** The computed leaderboard: one row per manager, ranks 1..n, replaced by every recompute. */
export const standings = scoringSchema.table(
  'standings',
  {
    leagueId: uuid('league_id').notNull(),
    userId: uuid('user_id').notNull(),
    rank: integer('rank').notNull(),
    points: integer('points').notNull(),
    spent: integer('spent').notNull(),
    displayName: text('display_name').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true, mode: 'date' }).notNull(),
    tiebreaks: jsonb('tiebreaks').$type<Tiebreaks>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.leagueId, t.userId] }), index('standings_league_rank_idx').on(t.leagueId, t.rank)],
);
