import type { ClockMode, NominationMode, ScoringRules } from '@auction/contracts';
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
    /**
     * Bumped by every proxy set or removed (neither moves `seq`): with `seq`, the version of all that
     * a bid on a lot with proxies is decided on, so such a bid is written only if neither moved.
     */
    proxiesVersion: integer('proxies_version').notNull().default(0),
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
    nominationMode: text('nomination_mode').$type<NominationMode>().notNull().default('order'),
    nominationSeconds: integer('nomination_seconds').notNull().default(30),
    clockMode: text('clock_mode').$type<ClockMode>().notNull().default('extend'),
    raiseSeconds: integer('raise_seconds').notNull().default(10),
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
    /** `managers` mode: the managers' turn order, drawn at go-live (empty in `order` mode). */
    turnOrder: uuid('turn_order')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** The turn in progress or, between turns, the last one (0 before the first). */
    turnNumber: integer('turn_number').notNull().default(0),
    /** Who nominates in `turn_number` (kept after their turn, so the next turn follows them). */
    turnUserId: uuid('turn_user_id'),
    /** While a turn is in progress: when it is nominated for them. */
    turnEndsAt: timestamp('turn_ends_at', { withTimezone: true, mode: 'date' }),
    /** A turn frozen by a pause: what is left of it. */
    pausedTurnMs: integer('paused_turn_ms'),
  },
  (t) => [
    index('auctions_next_lot_at_idx')
      .on(t.nextLotAt)
      .where(sql`${t.nextLotAt} is not null`),
    index('auctions_turn_ends_at_idx')
      .on(t.turnEndsAt)
      .where(sql`${t.turnEndsAt} is not null`),
    index('auctions_scheduled_starts_at_idx')
      .on(t.startsAt)
      .where(sql`${t.status} = 'scheduled'`),
  ],
);
