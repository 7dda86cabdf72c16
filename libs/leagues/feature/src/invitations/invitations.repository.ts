import { Inject, Injectable } from '@nestjs/common';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';
import { invitations } from '../db/schema/index.js';

@Injectable()
export class InvitationsRepository {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  /**
   * Records invitations to the addresses not invited before and answers which those were.
   * A concurrent upload of the same addresses waits on the unique index and then inserts none.
   */
  async insertNew(db: Database, leagueId: string, emails: readonly string[], invitedBy: string): Promise<Set<string>> {
    if (emails.length === 0) return new Set();
    const rows = await db
      .insert(invitations)
      .values(emails.map((email) => ({ leagueId, email, invitedBy })))
      .onConflictDoNothing()
      .returning({ email: invitations.email });
    return new Set(rows.map((row) => row.email));
  }

  async exists(leagueId: string, email: string): Promise<boolean> {
    const [row] = await this.database.db
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.leagueId, leagueId), eq(invitations.email, email)));
    return row !== undefined;
  }

  async markAccepted(db: Database, leagueId: string, email: string, userId: string): Promise<void> {
    await db
      .update(invitations)
      .set({ acceptedBy: userId, acceptedAt: sql`now()` })
      .where(and(eq(invitations.leagueId, leagueId), eq(invitations.email, email), isNull(invitations.acceptedAt)));
  }
}
