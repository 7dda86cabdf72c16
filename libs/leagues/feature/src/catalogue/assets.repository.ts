import { Inject, Injectable } from '@nestjs/common';
import { and, arrayContains, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Asset, SportKey } from '@auction/contracts';
import type { Database, DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';
import { assets, leagueAssets } from '../db/schema/index.js';

type Row = typeof assets.$inferSelect;

export interface AssetPageFilter {
  sports: readonly SportKey[];
  competition?: string;
  /** Matched case-insensitively anywhere in the name or short name. */
  q?: string;
  /** Keyset: only assets after this one in (name, id) order. */
  after?: { name: string; id: string };
  limit: number;
}

@Injectable()
export class AssetsRepository {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  /** Up to `limit` assets in (name, id) order. */
  async page(filter: AssetPageFilter): Promise<Asset[]> {
    const conditions: SQL[] = [inArray(assets.sport, [...filter.sports])];
    if (filter.competition) conditions.push(arrayContains(assets.competitions, [filter.competition]));
    if (filter.q) {
      const pattern = `%${escapeLike(filter.q)}%`;
      conditions.push(or(ilike(assets.name, pattern), ilike(assets.shortName, pattern))!);
    }
    if (filter.after) {
      conditions.push(sql`(${assets.name}, ${assets.id}) > (${filter.after.name}::text, ${filter.after.id}::uuid)`);
    }
    const rows = await this.database.db
      .select()
      .from(assets)
      .where(and(...conditions))
      .orderBy(asc(assets.name), asc(assets.id))
      .limit(filter.limit);
    return rows.map(toAsset);
  }

  /** Every asset of a sport, in name order. */
  async ofSport(db: Database, sport: SportKey): Promise<Asset[]> {
    const rows = await db.select().from(assets).where(eq(assets.sport, sport)).orderBy(asc(assets.name), asc(assets.id));
    return rows.map(toAsset);
  }

  /** The assets with these ids, of any sport; unknown ids are simply absent. */
  async byIds(db: Database, ids: readonly string[]): Promise<Asset[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .select()
      .from(assets)
      .where(inArray(assets.id, [...ids]));
    return rows.map(toAsset);
  }

  /** A league's pool, in lot order. */
  async poolOf(db: Database, leagueId: string): Promise<Asset[]> {
    const rows = await db
      .select({ asset: assets })
      .from(leagueAssets)
      .innerJoin(assets, eq(assets.id, leagueAssets.assetId))
      .where(eq(leagueAssets.leagueId, leagueId))
      .orderBy(asc(leagueAssets.position));
    return rows.map((row) => toAsset(row.asset));
  }
}

/** `%`, `_` and `\` match themselves in a search, not as wildcards. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function toAsset(row: Row): Asset {
  return {
    id: row.id,
    sport: row.sport,
    externalId: row.externalId,
    name: row.name,
    shortName: row.shortName,
    competitions: row.competitions,
    team: row.team,
    role: row.role,
    rank: row.rank,
    aliases: row.aliases,
    registryId: row.registryId,
  };
}
