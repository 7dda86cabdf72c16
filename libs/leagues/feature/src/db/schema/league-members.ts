import { check, index, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { MemberRole } from '@auction/contracts';
import { leaguesSchema } from './leagues-schema.js';
import { leagues } from './leagues.js';

/** Who is in a league; one row per (league, user). The email is kept to tell invitations apart from members. */
export const leagueMembers = leaguesSchema.table(
  'league_members',
  {
    leagueId: uuid('league_id')
      .notNull()
      .references(() => leagues.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').$type<MemberRole>().notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'league_members_pkey', columns: [t.leagueId, t.userId] }),
    // "My competitions"; and "is this address already a member" for invitations.
    index('league_members_user_id_idx').on(t.userId),
    index('league_members_league_id_email_idx').on(t.leagueId, t.email),
    check('league_members_role_check', sql`${t.role} in ('commissioner', 'manager')`),
  ],
);
