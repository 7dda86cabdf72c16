import { boolean, index, integer, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { auctionSchema } from './auction-schema.js';
import { auctions } from './auctions.js';
import { lots } from './lots.js';

/** Accepted bids only; `seq` is the auction's sequence number at acceptance. */
export const bids = auctionSchema.table(
  'bids',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    auctionId: uuid('auction_id')
      .notNull()
      .references(() => auctions.id, { onDelete: 'cascade' }),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => lots.id, { onDelete: 'cascade' }),
    bidderId: uuid('bidder_id').notNull(),
    amount: integer('amount').notNull(),
    seq: integer('seq').notNull(),
    clientBidId: text('client_bid_id').notNull(),
    /** The accepting transaction's serverTime. */
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** The lot's deadline right after this bid (anti-snipe applied). */
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Placed by the engine for the bidder's proxy. */
    proxy: boolean('proxy').notNull().default(false),
    /** The proxy's maximum when it placed this bid: for the invariant checks only, never read into an answer. */
    proxyMaxAmount: integer('proxy_max_amount'),
  },
  (t) => [
    unique('bids_client_bid_unique').on(t.auctionId, t.bidderId, t.clientBidId),
    unique('bids_auction_seq_unique').on(t.auctionId, t.seq),
    index('bids_lot_seq_idx').on(t.lotId, t.seq),
  ],
);
