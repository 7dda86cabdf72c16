import { Inject, Injectable } from '@nestjs/common';
import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';
import { invitations, leagues } from '../db/schema/index.js';

export interface StoredInvitation {
  email: string;
  sentAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
}

/** When a batch of invitation mails goes out and until when its links work. */
export interface InvitationWindow {
  sentAt: Date;
  expiresAt: Date;
}

@Injectable()
export class InvitationsRepository {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  /**
   * Records invitations to the addresses not invited before and answers which those were.
   * A concurrent upload of the same addresses waits on the unique index and then inserts none.
   */
  async insertNew(
    db: Database,
    leagueId: string,
    emails: readonly string[],
    invitedBy: string,
    window: InvitationWindow,
  ): Promise<Set<string>> {
    if (emails.length === 0) return new Set();
    const rows = await db
      .insert(invitations)
      .values(emails.map((email) => ({ leagueId, email, invitedBy, ...window })))
      .onConflictDoNothing()
      .returning({ email: invitations.email });
    return new Set(rows.map((row) => row.email));
  }

  /** Invitations of these addresses, locked so a resend and a sign-in that accepts one take turns. */
  async findForUpdate(db: Database, leagueId: string, emails: readonly string[]): Promise<StoredInvitation[]> {
    return db
      .select({
        email: invitations.email,
        sentAt: invitations.sentAt,
        expiresAt: invitations.expiresAt,
        acceptedAt: invitations.acceptedAt,
      })
      .from(invitations)
      .where(and(eq(invitations.leagueId, leagueId), inArray(invitations.email, [...emails])))
      .for('update');
  }

  async renew(db: Database, leagueId: string, emails: readonly string[], window: InvitationWindow): Promise<void> {
    await db
      .update(invitations)
      .set(window)
      .where(and(eq(invitations.leagueId, leagueId), inArray(invitations.email, [...emails]), isNull(invitations.acceptedAt)));
  }

  /** A page of a league's invitations in address order, after the address `after`. */
  async page(leagueId: string, limit: number, after: string | null): Promise<StoredInvitation[]> {
    return this.database.db
      .select({
        email: invitations.email,
        sentAt: invitations.sentAt,
        expiresAt: invitations.expiresAt,
        acceptedAt: invitations.acceptedAt,
      })
      .from(invitations)
      .where(and(eq(invitations.leagueId, leagueId), after === null ? undefined : gt(invitations.email, after)))
      .orderBy(asc(invitations.email))
      .limit(limit);
  }

  /** Leagues with an unaccepted, unexpired invitation of this address, oldest invitation first. */
  async liveFor(email: string, now: Date): Promise<Array<{ leagueId: string; name: string }>> {
    return this.database.db
      .select({ leagueId: invitations.leagueId, name: leagues.name })
      .from(invitations)
      .innerJoin(leagues, eq(leagues.id, invitations.leagueId))
      .where(and(eq(invitations.email, email), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)))
      .orderBy(asc(invitations.sentAt), asc(invitations.leagueId));
  }

  /** True when this call accepted the invitation (there was one, not yet accepted). */
  async markAccepted(db: Database, leagueId: string, email: string, userId: string, at: Date): Promise<boolean> {
    const rows = await db
      .update(invitations)
      .set({ acceptedBy: userId, acceptedAt: at })
      .where(and(eq(invitations.leagueId, leagueId), eq(invitations.email, email), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id });
    return rows.length > 0;
  }
}
