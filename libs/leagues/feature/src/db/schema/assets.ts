import { sql } from 'drizzle-orm';
import { index, integer, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { SportKey } from '@auction/contracts';
import { leaguesSchema } from './leagues-schema.js';

/** The catalogue: clubs and players every league's pool is chosen from. Seeded, never edited by users. */
export const assets = leaguesSchema.table(
  'assets',
  {
    /** `assetIdFor(sport, externalId)`: stable across databases. */
    id: uuid('id').primaryKey(),
    sport: text('sport').$type<SportKey>().notNull(),
    externalId: text('external_id').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    /** Country for clubs, team for players. */
    team: text('team'),
    role: text('role'),
    competitions: text('competitions')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** 1 = strongest in the sport (catalogue ranking). */
    rank: integer('rank').notNull().default(0),
    /** Other spellings of the name in published match data. */
    aliases: text('aliases')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Cricsheet registry identifier (cricket players), when known. */
    registryId: text('registry_id'),
  },
  (t) => [
    uniqueIndex('assets_sport_external_id_idx').on(t.sport, t.externalId),
    // Catalogue pages: a sport's assets in name order, keyset on (name, id).
    index('assets_sport_name_id_idx').on(t.sport, t.name, t.id),
    index('assets_name_id_idx').on(t.name, t.id),
    index('assets_competitions_idx').using('gin', t.competitions),
  ],
);
