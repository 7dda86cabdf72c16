import { boolean, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { SportKey } from '@auction/contracts';
import { scoringSchema } from './scoring-schema.js';

/**
 * What the stored asset points and standings of a league were computed from. A read that finds
 * the league's rules or members changed, or the standings marked stale, recomputes first.
 */
export const leagueStates = scoringSchema.table('league_states', {
  leagueId: uuid('league_id').primaryKey(),
  sport: text('sport').$type<SportKey>().notNull(),
  /** The rules the asset points were scored with. */
  rulesKey: text('rules_key').notNull().default(''),
  /** The members (and join times) the standings were ranked over. */
  membersKey: text('members_key').notNull().default(''),
  standingsStale: boolean('standings_stale').notNull().default(false),
  computedAt: timestamp('computed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
