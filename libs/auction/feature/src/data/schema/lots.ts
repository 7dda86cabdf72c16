import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { auctionSchema } from './auction-schema.js';
import { auctions } from './auctions.js';

export type LotStatusValue = 'pending' | 'open' | 'sold' | 'unsold';

/** One asset on sale, in nomination order; at most one lot of an auction is open at a time. */
export const lots = auctionSchema.table(
  'lots',
  {
    id: uuid('id').primaryKey(),
    auctionId: uuid('auction_id')
      .notNull()
      .references(() => auctions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    assetId: uuid('asset_id').notNull(),
    assetExternalId: text('asset_external_id').notNull(),
    assetName: text('asset_name').notNull(),
    assetShortName: text('asset_short_name'),
    assetTeam: text('asset_team'),
    assetRole: text('asset_role'),
    /** Catalogue rank, 1 = strongest: what an automatic nomination goes by. */
    assetRank: integer('asset_rank').notNull().default(0),
    status: text('status').$type<LotStatusValue>().notNull().default('pending'),
    openingBid: integer('opening_bid').notNull(),
    highBid: integer('high_bid'),
    highBidderId: uuid('high_bidder_id'),
    /** Null while pending, paused or closed. */
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }),
    /** Frozen time left while the auction is paused. */
    pausedRemainingMs: integer('paused_remaining_ms'),
    winnerId: uuid('winner_id'),
    price: integer('price'),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    /** The seq of the lot's `lot:sold` / `lot:unsold`. */
    closedSeq: integer('closed_seq'),
    /** `managers` mode: the turn whose nomination opened the lot, who nominated it, and whether the engine did for them. */
    turn: integer('turn'),
    nominatedBy: uuid('nominated_by'),
    autoNominated: boolean('auto_nominated').notNull().default(false),
  },
  (t) => [
    unique('lots_auction_position_unique').on(t.auctionId, t.position),
    // An undone sale leaves its lot as the record (unsold); the asset may be offered again on a new lot.
    uniqueIndex('lots_auction_asset_on_offer')
      .on(t.auctionId, t.assetId)
      .where(sql`${t.status} <> 'unsold'`),
    index('lots_open_ends_at_idx')
      .on(t.endsAt)
      .where(sql`${t.status} = 'open'`),
    // A turn opens at most one lot, whichever replicas race for it.
    uniqueIndex('lots_one_per_turn')
      .on(t.auctionId, t.turn)
      .where(sql`${t.turn} is not null`),
    uniqueIndex('lots_one_open_per_auction')
      .on(t.auctionId)
      .where(sql`${t.status} = 'open'`),
    check('lots_status_known', sql`${t.status} in ('pending', 'open', 'sold', 'unsold')`),
  ],
);
