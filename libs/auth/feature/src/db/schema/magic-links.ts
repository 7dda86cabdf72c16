import { index, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { authSchema } from './auth-schema.js';

/** One-time sign-in links; only the SHA-256 of the token is stored. */
export const magicLinks = authSchema.table(
  'magic_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    email: text('email').notNull(),
    purpose: jsonb('purpose').$type<SignInPurpose>(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('magic_links_expires_at_idx').on(t.expiresAt)],
);

/** What the link's mail was for, beyond signing in (sign-ins join invited leagues whatever the link). */
export type SignInPurpose = { kind: 'league-invite'; leagueId: string; leagueName: string; commissionerName?: string };
