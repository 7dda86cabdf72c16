import { index, integer, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { scoringSchema } from './scoring-schema.js';

export type FixtureStatus = 'scheduled' | 'completed';

/**
 * A league's matches, keyed by the commissioner's external match id. Teams are kept as their
 * display name and a key: the club's external id (football) or the team's name in lower case
 * (cricket). A football result lives on its fixture.
 */
export const fixtures = scoringSchema.table(
  'fixtures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    leagueId: uuid('league_id').notNull(),
    externalMatchId: text('external_match_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    homeTeam: text('home_team').notNull(),
    homeTeamKey: text('home_team_key').notNull(),
    awayTeam: text('away_team').notNull(),
    awayTeamKey: text('away_team_key').notNull(),
    competition: text('competition').notNull(),
    status: text('status').$type<FixtureStatus>().notNull().default('scheduled'),
    homeGoals: integer('home_goals'),
    awayGoals: integer('away_goals'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    unique('fixtures_league_match_unique').on(t.leagueId, t.externalMatchId),
    index('fixtures_league_starts_idx').on(t.leagueId, t.startsAt, t.externalMatchId),
  ],
);
