import { primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { auctionSchema } from './auction-schema.js';
import { auctions } from './auctions.js';

/** A manager's private queue (SPEC §8): assets in the order they want them, first choice first. */
export const queues = auctionSchema.table(
  'queues',
  {
    auctionId: uuid('auction_id')
      .notNull()
      .references(() => auctions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    assetIds: uuid('asset_ids').array().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.auctionId, t.userId] })],
);
