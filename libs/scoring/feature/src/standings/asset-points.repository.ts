import { Injectable } from '@nestjs/common';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { SportKey } from '@auction/contracts';
import type { Database } from '@auction/db';
import type { ScoredEntry } from '@auction/scoring-domain';
import { assetPoints, assetTotals } from '../db/schema/index.js';
import { chunks } from '../db/insert-chunks.js';

/** The match id given to an asset's season totals. */
export const SEASON = 'season';

/** Which columns hold a sport's tie-break stats, in the order the sport decides them. */
const TIEBREAK_COLUMNS = {
  football: ['goals', 'wins'],
  cricket: ['catches', 'stumpings', 'runOuts'],
} as const satisfies Record<SportKey, ReadonlyArray<keyof typeof assetPoints.$inferSelect>>;

/** Every stat column, in the order rows are written. */
const ALL_STAT_COLUMNS = ['goals', 'wins', 'catches', 'stumpings', 'runOuts'] as const;

/** A row of points as written: `values` are points, then `ALL_STAT_COLUMNS`. */
interface PointsRow {
  matchId: string;
  asset: string;
  values: number[];
}

@Injectable()
export class AssetPointsRepository {
  /**
   * Replaces the points of the given matches (or of every match, with `'all'`) by `entries`,
   * and brings the season totals along: by difference for some matches (so an import costs what
   * its file holds, not what the season holds), summed afresh for all.
   */
  async replace(
    db: Database,
    leagueId: string,
    sport: SportKey,
    matchIds: readonly string[] | 'all',
    entries: readonly ScoredEntry[],
  ): Promise<void> {
    if (matchIds !== 'all' && matchIds.length === 0) return;
    const columns = TIEBREAK_COLUMNS[sport];
    const rows = entries.map((entry): PointsRow => {
      const stats = ALL_STAT_COLUMNS.map((column) => {
        const i = (columns as readonly string[]).indexOf(column);
        return i === -1 ? 0 : (entry.tiebreaks[i] ?? 0);
      });
      return { matchId: entry.externalMatchId, asset: entry.assetExternalId, values: [entry.points, ...stats] };
    });
    if (matchIds === 'all') {
      await db.delete(assetPoints).where(eq(assetPoints.leagueId, leagueId));
      await this.insert(db, leagueId, rows);
      await this.sumTotalsAfresh(db, leagueId);
      return;
    }
    const removed = await db
      .delete(assetPoints)
      .where(and(eq(assetPoints.leagueId, leagueId), inArray(assetPoints.externalMatchId, [...matchIds])))
      .returning();
    await this.insert(db, leagueId, rows);
    const deltas = new Map<string, number[]>();
    const add = (asset: string, values: readonly number[], sign: 1 | -1) => {
      const delta = deltas.get(asset) ?? new Array<number>(values.length).fill(0);
      values.forEach((value, i) => (delta[i]! += sign * value));
      deltas.set(asset, delta);
    };
    for (const row of removed) add(row.assetExternalId, [row.points, ...ALL_STAT_COLUMNS.map((column) => row[column])], -1);
    for (const row of rows) add(row.asset, row.values, 1);
    await this.addToTotals(
      db,
      leagueId,
      [...deltas].filter(([, delta]) => delta.some((value) => value !== 0)),
    );
  }

  private async insert(db: Database, leagueId: string, rows: readonly PointsRow[]): Promise<void> {
    // One statement per 20,000 rows, the rows as one JSON parameter: far cheaper than multi-row VALUES.
    for (const chunk of chunks(rows, 20_000)) {
      const json = JSON.stringify(chunk.map((row) => [row.matchId, row.asset, ...row.values]));
      await db.execute(sql`
        insert into ${assetPoints} (league_id, external_match_id, asset_external_id, points, goals, wins, catches, stumpings, run_outs)
        select ${leagueId}, r->>0, r->>1, (r->>2)::int, (r->>3)::int, (r->>4)::int, (r->>5)::int, (r->>6)::int, (r->>7)::int
          from jsonb_array_elements(${json}::jsonb) as r`);
    }
  }

  private async addToTotals(db: Database, leagueId: string, deltas: ReadonlyArray<[string, number[]]>): Promise<void> {
    for (const chunk of chunks(deltas, 20_000)) {
      const json = JSON.stringify(chunk.map(([asset, values]) => [asset, ...values]));
      await db.execute(sql`
        insert into ${assetTotals} as t (league_id, asset_external_id, points, goals, wins, catches, stumpings, run_outs)
        select ${leagueId}, r->>0, (r->>1)::int, (r->>2)::int, (r->>3)::int, (r->>4)::int, (r->>5)::int, (r->>6)::int
          from jsonb_array_elements(${json}::jsonb) as r
        on conflict (league_id, asset_external_id) do update set
          points = t.points + excluded.points, goals = t.goals + excluded.goals, wins = t.wins + excluded.wins,
          catches = t.catches + excluded.catches, stumpings = t.stumpings + excluded.stumpings, run_outs = t.run_outs + excluded.run_outs`);
    }
  }

  private async sumTotalsAfresh(db: Database, leagueId: string): Promise<void> {
    await db.delete(assetTotals).where(eq(assetTotals.leagueId, leagueId));
    await db.execute(sql`
      insert into ${assetTotals} (league_id, asset_external_id, points, goals, wins, catches, stumpings, run_outs)
      select league_id, asset_external_id, sum(points), sum(goals), sum(wins), sum(catches), sum(stumpings), sum(run_outs)
        from ${assetPoints}
       where league_id = ${leagueId}
       group by league_id, asset_external_id`);
  }

  /** One entry per asset with its season totals (match id `SEASON`): all a leaderboard needs. */
  async seasonTotals(db: Database, leagueId: string, sport: SportKey): Promise<ScoredEntry[]> {
    const columns = TIEBREAK_COLUMNS[sport];
    const rows = await db.select().from(assetTotals).where(eq(assetTotals.leagueId, leagueId));
    return rows.map((row) => ({
      externalMatchId: SEASON,
      assetExternalId: row.assetExternalId,
      points: row.points,
      tiebreaks: columns.map((column) => row[column]),
    }));
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

  /** Each asset's points in each of the given matches. */
  async ofMatches(
    db: Database,
    leagueId: string,
    matchIds: readonly string[],
  ): Promise<Array<{ externalMatchId: string; assetExternalId: string; points: number }>> {
    if (matchIds.length === 0) return [];
    return db
      .select({ externalMatchId: assetPoints.externalMatchId, assetExternalId: assetPoints.assetExternalId, points: assetPoints.points })
      .from(assetPoints)
      .where(and(eq(assetPoints.leagueId, leagueId), inArray(assetPoints.externalMatchId, [...matchIds])))
      .orderBy(asc(assetPoints.externalMatchId), asc(assetPoints.assetExternalId));
  }
}
