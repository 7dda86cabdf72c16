import { sql } from 'drizzle-orm';
import { check, index, integer, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
    uniqueIndex('lots_one_open_per_auction')
      .on(t.auctionId)
      .where(sql`${t.status} = 'open'`),
    check('lots_status_known', sql`${t.status} in ('pending', 'open', 'sold', 'unsold')`),
  ],
);
