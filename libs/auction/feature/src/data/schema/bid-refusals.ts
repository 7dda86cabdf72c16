import { primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { auctionSchema } from './auction-schema.js';
import { auctions } from './auctions.js';

/**
 * The first answer to a refused `clientBidId`, so a retry hears the same refusal. This is
 * bookkeeping about requests, not auction state: no lot, purse or seq changes with it.
 */
export const bidRefusals = auctionSchema.table(
  'bid_refusals',
  {
    auctionId: uuid('auction_id')
      .notNull()
      .references(() => auctions.id, { onDelete: 'cascade' }),
    bidderId: uuid('bidder_id').notNull(),
    clientBidId: text('client_bid_id').notNull(),
    code: text('code').notNull(),
    message: text('message').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.auctionId, t.bidderId, t.clientBidId] })],
);
