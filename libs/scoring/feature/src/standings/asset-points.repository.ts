import { Injectable } from '@nestjs/common';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { SportKey } from '@auction/contracts';
import type { Database } from '@auction/db';
import type { ScoredEntry } from '@auction/scoring-domain';
import { assetPoints } from '../db/schema/index.js';
import { chunks } from '../db/league-transactions.js';

/** The match id given to an asset's season totals. */
export const SEASON = 'season';

/** Which columns hold a sport's tie-break stats, in the order the sport decides them. */
const TIEBREAK_COLUMNS = {
  football: ['goals', 'wins'],
  cricket: ['catches', 'stumpings', 'runOuts'],
} as const satisfies Record<SportKey, ReadonlyArray<keyof typeof assetPoints.$inferSelect>>;

/** Column order of the JSON rows written by `replace`. */
const ALL_TIEBREAK_COLUMNS = ['goals', 'wins', 'catches', 'stumpings', 'runOuts'] as const;

@Injectable()
export class AssetPointsRepository {
  /** Replaces the points of the given matches (or of every match, with `'all'`) by `entries`. */
  async replace(
    db: Database,
    leagueId: string,
    sport: SportKey,
    matchIds: readonly string[] | 'all',
    entries: readonly ScoredEntry[],
  ): Promise<void> {
    if (matchIds !== 'all' && matchIds.length === 0) return;
    await db
      .delete(assetPoints)
      .where(and(eq(assetPoints.leagueId, leagueId), matchIds === 'all' ? undefined : inArray(assetPoints.externalMatchId, [...matchIds])));
    const columns = TIEBREAK_COLUMNS[sport];
    const stat = (entry: ScoredEntry, column: (typeof ALL_TIEBREAK_COLUMNS)[number]) => {
      const i = (columns as readonly string[]).indexOf(column);
      return i === -1 ? 0 : (entry.tiebreaks[i] ?? 0);
    };
    // One statement per 20,000 rows, the rows as one JSON parameter: far cheaper than multi-row VALUES.
    for (const chunk of chunks(entries, 20_000)) {
      const rows = JSON.stringify(
        chunk.map((e) => [e.externalMatchId, e.assetExternalId, e.points, ...ALL_TIEBREAK_COLUMNS.map((column) => stat(e, column))]),
      );
      await db.execute(sql`
        insert into ${assetPoints} (league_id, external_match_id, asset_external_id, points, goals, wins, catches, stumpings, run_outs)
        select ${leagueId}, r->>0, r->>1, (r->>2)::int, (r->>3)::int, (r->>4)::int, (r->>5)::int, (r->>6)::int, (r->>7)::int
          from jsonb_array_elements(${rows}::jsonb) as r`);
    }
  }

  /**
   * One entry per asset with its season totals (match id `SEASON`): all a leaderboard needs,
   * summed by PostgreSQL instead of shipping every match's row.
   */
  async seasonTotals(db: Database, leagueId: string, sport: SportKey): Promise<ScoredEntry[]> {
    const columns = TIEBREAK_COLUMNS[sport];
    const rows = await db
      .select({
        assetExternalId: assetPoints.assetExternalId,
        points: sql<number>`sum(${assetPoints.points})::int`,
        tiebreaks: sql<number[]>`array[${sql.join(
          columns.map((column) => sql`sum(${assetPoints[column]})::int`),
          sql`, `,
        )}]`,
      })
      .from(assetPoints)
      .where(eq(assetPoints.leagueId, leagueId))
      .groupBy(assetPoints.assetExternalId);
    return rows.map((row) => ({ externalMatchId: SEASON, ...row }));
  }

  /** Every match's entry of the given assets. */
  async ofAssets(db: Database, leagueId: string, sport: SportKey, assetExternalIds: readonly string[]): Promise<ScoredEntry[]> {
    if (assetExternalIds.length === 0) return [];
    const columns = TIEBREAK_COLUMNS[sport];
    const rows = await db
      .select()
      .from(assetPoints)
      .where(and(eq(assetPoints.leagueId, leagueId), inArray(assetPoints.assetExternalId, [...assetExternalIds])));
    return rows.map((row) => ({
      externalMatchId: row.externalMatchId,
      assetExternalId: row.assetExternalId,
      points: row.points,
      tiebreaks: columns.map((column) => row[column]),
    }));
  }
}
