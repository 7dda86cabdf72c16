import { Inject, Injectable } from '@nestjs/common';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';
import { leagueMembers } from '../db/schema/index.js';
import type { StoredMember } from './league.js';

@Injectable()
export class MembersRepository {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  /** Adds the member unless they are already in; null when they were. */
  async add(db: Database, member: Omit<StoredMember, 'joinedAt'>): Promise<StoredMember | null> {
    const [row] = await db.insert(leagueMembers).values(member).onConflictDoNothing().returning();
    return row ?? null;
  }

  async find(db: Database, leagueId: string, userId: string): Promise<StoredMember | null> {
    const [row] = await db
      .select()
      .from(leagueMembers)
      .where(and(eq(leagueMembers.leagueId, leagueId), eq(leagueMembers.userId, userId)));
    return row ?? null;
  }

  /** Members in joining order. */
  async listOf(db: Database, leagueId: string): Promise<StoredMember[]> {
    return db
      .select()
      .from(leagueMembers)
      .where(eq(leagueMembers.leagueId, leagueId))
      .orderBy(asc(leagueMembers.joinedAt), asc(leagueMembers.userId));
  }

  /** Every membership of this user takes their new display name. */
  async rename(userId: string, displayName: string): Promise<void> {
    await this.database.db.update(leagueMembers).set({ displayName }).where(eq(leagueMembers.userId, userId));
  }

  async count(db: Database, leagueId: string): Promise<number> {
    const [row] = await db.select({ n: count() }).from(leagueMembers).where(eq(leagueMembers.leagueId, leagueId));
    return row?.n ?? 0;
  }

  /** Which of these (normalised) addresses belong to members already. */
  async emailsIn(db: Database, leagueId: string, emails: readonly string[]): Promise<Set<string>> {
    if (emails.length === 0) return new Set();
    const rows = await db
      .select({ email: leagueMembers.email })
      .from(leagueMembers)
      .where(and(eq(leagueMembers.leagueId, leagueId), inArray(leagueMembers.email, [...emails])));
    return new Set(rows.map((row) => row.email));
  }

  async remove(db: Database, leagueId: string, userId: string): Promise<boolean> {
    const removed = await db
      .delete(leagueMembers)
      .where(and(eq(leagueMembers.leagueId, leagueId), eq(leagueMembers.userId, userId)))
      .returning({ userId: leagueMembers.userId });
    return removed.length > 0;
  }
}
