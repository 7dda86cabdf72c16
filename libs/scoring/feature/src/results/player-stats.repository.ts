import { Injectable } from '@nestjs/common';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@auction/db';
import type { CricketStat } from '@auction/scoring-domain';
import { playerStats } from '../db/schema/index.js';
import { chunks } from '../db/insert-chunks.js';

@Injectable()
export class PlayerStatsRepository {
  /** The (match, player) pairs already stored for these matches, as `JSON.stringify([match, player])`. */
  async existingEntries(db: Database, leagueId: string, matchIds: readonly string[]): Promise<Set<string>> {
    if (matchIds.length === 0) return new Set();
    const rows = await db
      .select({ match: playerStats.externalMatchId, player: playerStats.playerExternalId })
      .from(playerStats)
      .where(and(eq(playerStats.leagueId, leagueId), inArray(playerStats.externalMatchId, [...matchIds])));
    return new Set(rows.map((row) => entryKey(row.match, row.player)));
  }

  /** Every stat of each given match is replaced by the given rows. */
  async replaceMatches(db: Database, leagueId: string, matchIds: readonly string[], stats: readonly CricketStat[]): Promise<void> {
    if (matchIds.length === 0) return;
    await db.delete(playerStats).where(and(eq(playerStats.leagueId, leagueId), inArray(playerStats.externalMatchId, [...matchIds])));
    // One statement per 20,000 lines, the lines as one JSON parameter: far cheaper than multi-row VALUES.
    for (const chunk of chunks(stats, 20_000)) {
      const rows = JSON.stringify(
        chunk.map((s) => [s.externalMatchId, s.playerExternalId, s.runs, s.wickets, s.catches, s.stumpings, s.runOuts]),
      );
      await db.execute(sql`
        insert into ${playerStats} (league_id, external_match_id, player_external_id, runs, wickets, catches, stumpings, run_outs)
        select ${leagueId}, r->>0, r->>1, (r->>2)::int, (r->>3)::int, (r->>4)::int, (r->>5)::int, (r->>6)::int
          from jsonb_array_elements(${rows}::jsonb) as r`);
    }
  }

  /** The league's stats, of the given matches only when `matchIds` is given. */
  async ofLeague(db: Database, leagueId: string, matchIds?: readonly string[]): Promise<CricketStat[]> {
    return db
      .select({
        externalMatchId: playerStats.externalMatchId,
        playerExternalId: playerStats.playerExternalId,
        runs: playerStats.runs,
        wickets: playerStats.wickets,
        catches: playerStats.catches,
        stumpings: playerStats.stumpings,
        runOuts: playerStats.runOuts,
      })
      .from(playerStats)
      .where(and(eq(playerStats.leagueId, leagueId), matchIds ? inArray(playerStats.externalMatchId, [...matchIds]) : undefined));
  }
}

export function entryKey(matchId: string, playerId: string): string {
  return JSON.stringify([matchId, playerId]);
}
