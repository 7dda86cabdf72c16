import { Inject, Injectable } from '@nestjs/common';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { LeaderboardEntry } from '@auction/contracts';
import type { Database, DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';
import { standings } from '../db/schema/index.js';
import { chunks } from '../db/insert-chunks.js';

export interface StoredStanding extends LeaderboardEntry {
  joinedAt: Date;
}

@Injectable()
export class StandingsRepository {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  async replace(db: Database, leagueId: string, entries: readonly StoredStanding[]): Promise<void> {
    await db.delete(standings).where(eq(standings.leagueId, leagueId));
    for (const chunk of chunks(entries)) await db.insert(standings).values(chunk.map((entry) => ({ leagueId, ...entry })));
  }

  async rename(db: Database, userId: string, displayName: string): Promise<void> {
    await db.update(standings).set({ displayName }).where(eq(standings.userId, userId));
  }

  async ofLeague(leagueId: string): Promise<StoredStanding[]> {
    const rows = await this.database.db.select().from(standings).where(eq(standings.leagueId, leagueId)).orderBy(asc(standings.rank));
    return rows.map(({ leagueId: _league, ...entry }) => entry);
  }

  async ofUser(db: Database, leagueId: string, userId: string): Promise<StoredStanding | null> {
    const [row] = await db
      .select()
      .from(standings)
      .where(and(eq(standings.leagueId, leagueId), eq(standings.userId, userId)));
    if (!row) return null;
    const { leagueId: _league, ...entry } = row;
    return entry;
  }

  /** One user's rank and points in each of these leagues where they are ranked. */
  async forUser(userId: string, leagueIds: readonly string[]): Promise<Array<{ leagueId: string; rank: number; points: number }>> {
    if (leagueIds.length === 0) return [];
    return this.database.db
      .select({ leagueId: standings.leagueId, rank: standings.rank, points: standings.points })
      .from(standings)
      .where(and(eq(standings.userId, userId), inArray(standings.leagueId, [...leagueIds])));
  }
}
