import type { ScoringRules } from '@auction/contracts';
import { integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { auctionSchema } from './auction-schema.js';

export type AuctionStatusValue = 'live' | 'paused' | 'completed';

/**
 * One live auction per league, with a copy of the league's settings taken at start, so a
 * running auction never depends on the leagues service. `seq` numbers every event the room
 * sees; the row is the lock every bid, close and control of this auction serialises on.
 */
export const auctions = auctionSchema.table('auctions', {
  id: uuid('id').primaryKey(),
  leagueId: uuid('league_id').notNull().unique(),
  name: text('name').notNull(),
  sport: text('sport').notNull(),
  commissionerId: uuid('commissioner_id').notNull(),
  status: text('status').$type<AuctionStatusValue>().notNull(),
  seq: integer('seq').notNull().default(0),
  budget: integer('budget').notNull(),
  rosterSize: integer('roster_size').notNull(),
  openingBid: integer('opening_bid').notNull(),
  minIncrement: integer('min_increment').notNull(),
  bidTimerSeconds: integer('bid_timer_seconds').notNull(),
  antiSnipeSeconds: integer('anti_snipe_seconds').notNull(),
  nominationOrder: text('nomination_order').notNull(),
  scoringRules: jsonb('scoring_rules').$type<ScoringRules>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
  /** Set once `auction.completed` reached the event bus; the closer loop retries until then. */
  completionPublishedAt: timestamp('completion_published_at', { withTimezone: true, mode: 'date' }),
});
