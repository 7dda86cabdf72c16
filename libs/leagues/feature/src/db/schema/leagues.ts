import { check, index, integer, jsonb, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { ClockMode, LeagueStatus, NominationMode, ScoringRules, SportKey } from '@auction/contracts';
import { leaguesSchema } from './leagues-schema.js';

/** A competition: its settings, its lifecycle and the token that lets people join. */
export const leagues = leaguesSchema.table(
  'leagues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    sport: text('sport').$type<SportKey>().notNull(),
    competition: text('competition'),
    budget: integer('budget').notNull(),
    rosterSize: integer('roster_size').notNull(),
    minManagers: integer('min_managers').notNull(),
    maxManagers: integer('max_managers').notNull(),
    openingBid: integer('opening_bid').notNull(),
    minIncrement: integer('min_increment').notNull(),
    bidTimerSeconds: integer('bid_timer_seconds').notNull(),
    antiSnipeSeconds: integer('anti_snipe_seconds').notNull(),
    lotGapSeconds: integer('lot_gap_seconds').notNull().default(3),
    leadInSeconds: integer('lead_in_seconds').notNull().default(10),
    nominationOrder: text('nomination_order').$type<'random' | 'fixed'>().notNull(),
    scoringRules: jsonb('scoring_rules').$type<ScoringRules>().notNull(),
    nominationMode: text('nomination_mode').$type<NominationMode>().notNull().default('order'),
    nominationSeconds: integer('nomination_seconds').notNull().default(30),
    clockMode: text('clock_mode').$type<ClockMode>().notNull().default('extend'),
    raiseSeconds: integer('raise_seconds').notNull().default(10),
    status: text('status').$type<LeagueStatus>().notNull().default('open'),
    inviteToken: text('invite_token').notNull(),
    commissionerId: uuid('commissioner_id').notNull(),
    auctionId: uuid('auction_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('leagues_invite_token_idx').on(t.inviteToken),
    uniqueIndex('leagues_auction_id_idx').on(t.auctionId),
    index('leagues_commissioner_id_idx').on(t.commissionerId),
    check('leagues_status_check', sql`${t.status} in ('open', 'auction', 'completed')`),
    check('leagues_nomination_order_check', sql`${t.nominationOrder} in ('random', 'fixed')`),
    check('leagues_nomination_mode_check', sql`${t.nominationMode} in ('order', 'managers')`),
    check('leagues_clock_mode_check', sql`${t.clockMode} in ('extend', 'reset')`),
    check('leagues_managers_check', sql`${t.minManagers} <= ${t.maxManagers}`),
    check('leagues_auction_id_check', sql`(${t.status} = 'open') = (${t.auctionId} is null)`),
  ],
);
