import { index, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { leaguesSchema } from './leagues-schema.js';
import { leagues } from './leagues.js';

/** An address the commissioner invited by mail; at most one invitation per (league, email). */
export const invitations = leaguesSchema.table(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    leagueId: uuid('league_id')
      .notNull()
      .references(() => leagues.id, { onDelete: 'cascade' }),
    /** Normalised (trimmed, lower case), as auth stores it. */
    email: text('email').notNull(),
    invitedBy: uuid('invited_by').notNull(),
    /** When the latest mail went out (a resend moves it). */
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** The latest link's expiry; after it the invitation no longer joins anyone until it is sent again. */
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Set when the invited person signs in through the link and joins. */
    acceptedBy: uuid('accepted_by'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [unique('invitations_league_id_email_unique').on(t.leagueId, t.email), index('invitations_email_idx').on(t.email)],
);
