import type { ScoringRules } from '@auction/contracts';
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { auctionSchema } from './auction-schema.js';

export type AuctionStatusValue = 'scheduled' | 'live' | 'paused' | 'completed';

/**
 * One live auction per league, with a copy of the league's settings taken at start, so a
 * running auction never depends on the leagues service. `seq` numbers every event the room
 * sees; the row is the lock every bid, close and control of this auction serialises on.
 */
export const auctions = auctionSchema.table(
  'auctions',
  {
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
    lotGapSeconds: integer('lot_gap_seconds').notNull().default(0),
    leadInSeconds: integer('lead_in_seconds').notNull().default(0),
    nominationOrder: text('nomination_order').notNull(),
    scoringRules: jsonb('scoring_rules').$type<ScoringRules>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
    /** Set once `auction.completed` reached the event bus; the closer loop retries until then. */
    completionPublishedAt: timestamp('completion_published_at', { withTimezone: true, mode: 'date' }),
    /** A scheduled auction goes live at this time (`GoLive` under the row lock is the fence). */
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }),
    /** Set once the reminder mail was claimed, so one replica sends it; cleared by a reschedule. */
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true, mode: 'date' }),
    /** While no lot is open between lots or in the lead-in: when the next lot opens. */
    nextLotAt: timestamp('next_lot_at', { withTimezone: true, mode: 'date' }),
    /** A gap or lead-in frozen by a pause: what is left of it. */
    pausedGapMs: integer('paused_gap_ms'),
  },
  (t) => [
    index('auctions_next_lot_at_idx')
      .on(t.nextLotAt)
      .where(sql`${t.nextLotAt} is not null`),
    index('auctions_scheduled_starts_at_idx')
      .on(t.startsAt)
      .where(sql`${t.status} = 'scheduled'`),
  ],
);
