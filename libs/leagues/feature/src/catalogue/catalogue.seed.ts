import { sql } from 'drizzle-orm';
import type { Database } from '@auction/db';
import { CATALOGUE_ASSETS } from '@auction/leagues-domain';
import { assets } from '../db/schema/index.js';

/**
 * Upserts the seeded catalogue (SPEC §2): safe to run on every start and every `db:migrate`.
 * Ids are derived from sport and external id, so a re-run updates rows in place; assets that
 * leave the catalogue stay, because leagues may still auction them.
 */
export async function seedCatalogue(db: Database): Promise<void> {
  if (CATALOGUE_ASSETS.length === 0) return;
  await db
    .insert(assets)
    .values(
      CATALOGUE_ASSETS.map((asset) => ({
        id: asset.id,
        sport: asset.sport,
        externalId: asset.externalId,
        name: asset.name,
        shortName: asset.shortName,
        team: asset.team,
        role: asset.role,
        competitions: asset.competitions,
        rank: asset.rank,
        aliases: asset.aliases,
        registryId: asset.registryId,
      })),
    )
    .onConflictDoUpdate({
      target: assets.id,
      set: {
        name: sql`excluded.name`,
        shortName: sql`excluded.short_name`,
        team: sql`excluded.team`,
        role: sql`excluded.role`,
        competitions: sql`excluded.competitions`,
        rank: sql`excluded.rank`,
        aliases: sql`excluded.aliases`,
        registryId: sql`excluded.registry_id`,
      },
    });
}
