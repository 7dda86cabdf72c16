import type { AuditAction } from '@auction/contracts';
import { index, integer, jsonb, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { auctionSchema } from './auction-schema.js';
import { auctions } from './auctions.js';

/**
 * Every control action of an auction (start, pause, resume, end, undo, reassign), written in the
 * transaction that did it, under the `seq` it gave the room. `details` is the action's `AuditDetails`.
 */
export const auditEntries = auctionSchema.table(
  'audit_entries',
  {
    auctionId: uuid('auction_id')
      .notNull()
      .references(() => auctions.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorId: uuid('actor_id').notNull(),
    action: text('action').$type<AuditAction>().notNull(),
    /** For undo and reassign: the corrected lot (the invariant checks read which lots were corrected). */
    lotId: uuid('lot_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.auctionId, t.seq] }), index('audit_entries_lot_idx').on(t.lotId)],
);
