import { text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { scoringSchema } from './scoring-schema.js';

/**
 * The latest name each user chose (from `user.renamed`). A completion event carries the names at
 * its auction's end and may be delivered again later, so these win over the event's.
 */
export const managerNames = scoringSchema.table('manager_names', {
  userId: uuid('user_id').primaryKey(),
  displayName: text('display_name').notNull(),
  renamedAt: timestamp('renamed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
