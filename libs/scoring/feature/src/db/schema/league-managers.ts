import { integer, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { scoringSchema } from './scoring-schema.js';

/** A league's managers as the completed auction left them (from `auction.completed`). */
export const leagueManagers = scoringSchema.table(
  'league_managers',
  {
    leagueId: uuid('league_id').notNull(),
    userId: uuid('user_id').notNull(),
    auctionId: uuid('auction_id').notNull(),
    displayName: text('display_name').notNull(),
    budget: integer('budget').notNull(),
    spent: integer('spent').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.leagueId, t.userId] })],
);
