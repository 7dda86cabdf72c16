import { Injectable } from '@nestjs/common';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { AuditAction, AuditDetails, AuditEntry } from '@auction/contracts';
import type { Transaction } from '@auction/db';
import { auditEntries } from './schema/index.js';

export interface NewAuditEntry<A extends AuditAction = AuditAction> {
  auctionId: string;
  seq: number;
  at: Date;
  actorId: string;
  action: A;
  details: AuditDetails[A];
}

/** The audit trail of control actions: written in the acting transaction, read newest first. */
@Injectable()
export class AuditRepository {
  async record(db: Transaction, entry: NewAuditEntry): Promise<void> {
    const lotId = 'lotId' in entry.details ? entry.details.lotId : null;
    await db.insert(auditEntries).values({ ...entry, lotId, details: entry.details as Record<string, unknown> });
  }

  /** Newest first; `beforeSeq` is the cursor (the seq of the last entry of the previous page). */
  async page(db: Transaction, auctionId: string, options: { limit: number; beforeSeq?: number }): Promise<AuditEntry[]> {
    const rows = await db
      .select()
      .from(auditEntries)
      .where(
        and(eq(auditEntries.auctionId, auctionId), options.beforeSeq === undefined ? undefined : lt(auditEntries.seq, options.beforeSeq)),
      )
      .orderBy(desc(auditEntries.seq))
      .limit(options.limit);
    return rows.map(
      (row) => ({ seq: row.seq, at: row.at.toISOString(), actorId: row.actorId, action: row.action, details: row.details }) as AuditEntry,
    );
  }
}
