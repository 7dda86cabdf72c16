import { index, integer, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { auctionSchema } from './auction-schema.js';
import { auctions } from './auctions.js';

/** A manager's private maximum for one asset of the auction (SPEC §8 "Proxy bids"); only its owner ever reads it. */
export const proxies = auctionSchema.table(
  'proxies',
  {
    auctionId: uuid('auction_id')
      .notNull()
      .references(() => auctions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    assetId: uuid('asset_id').notNull(),
    maxAmount: integer('max_amount').notNull(),
    /** When the maximum was last set: on equal maxima the earlier one leads. */
    setAt: timestamp('set_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.auctionId, t.userId, t.assetId] }), index('proxies_auction_asset_idx').on(t.auctionId, t.assetId)],
);
