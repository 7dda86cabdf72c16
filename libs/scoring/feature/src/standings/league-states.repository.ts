import { Injectable } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import type { SportKey } from '@auction/contracts';
import type { Database } from '@auction/db';
import { leagueStates } from '../db/schema/index.js';

export interface LeagueState {
  sport: SportKey;
  rulesKey: string;
  membersKey: string;
  standingsStale: boolean;
}

@Injectable()
export class LeagueStatesRepository {
  async get(db: Database, leagueId: string): Promise<LeagueState | null> {
    const [row] = await db.select().from(leagueStates).where(eq(leagueStates.leagueId, leagueId));
    return row ? { sport: row.sport, rulesKey: row.rulesKey, membersKey: row.membersKey, standingsStale: row.standingsStale } : null;
  }

  async save(db: Database, leagueId: string, state: LeagueState): Promise<void> {
    const values = { ...state, computedAt: new Date() };
    await db
      .insert(leagueStates)
      .values({ leagueId, ...values })
      .onConflictDoUpdate({ target: leagueStates.leagueId, set: values });
  }

  /** The stored standings no longer match the stored data; the next read recomputes them. */
  async markStale(db: Database, leagueId: string, sport: SportKey): Promise<void> {
    await db
      .insert(leagueStates)
      .values({ leagueId, sport, standingsStale: true })
      .onConflictDoUpdate({ target: leagueStates.leagueId, set: { standingsStale: true } });
  }
}
