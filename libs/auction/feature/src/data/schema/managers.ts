import { sql } from 'drizzle-orm';
import { check, integer, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { auctionSchema } from './auction-schema.js';
import { auctions } from './auctions.js';

/** Every league member at the start of the auction, with their purse: spent + budget_remaining = budget. */
export const managers = auctionSchema.table(
  'managers',
  {
    auctionId: uuid('auction_id')
      .notNull()
      .references(() => auctions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true, mode: 'date' }).notNull(),
    budgetRemaining: integer('budget_remaining').notNull(),
    spent: integer('spent').notNull().default(0),
    rosterCount: integer('roster_count').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.auctionId, t.userId] }),
    check('managers_purse_not_negative', sql`${t.budgetRemaining} >= 0 and ${t.spent} >= 0 and ${t.rosterCount} >= 0`),
  ],
);
