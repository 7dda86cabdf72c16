import { Injectable } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import type { Transaction } from '@auction/db';
import { queues } from './schema/index.js';

/** Managers' private queues, one row per manager and auction. */
@Injectable()
export class QueuesRepository {
  /** The manager's queue, first choice first; empty when they never stored one. */
  async find(db: Transaction, auctionId: string, userId: string): Promise<string[]> {
    const [row] = await db
      .select({ assetIds: queues.assetIds })
      .from(queues)
      .where(and(eq(queues.auctionId, auctionId), eq(queues.userId, userId)));
    return row?.assetIds ?? [];
  }

  async save(db: Transaction, auctionId: string, userId: string, assetIds: readonly string[], now: Date): Promise<void> {
    await db
      .insert(queues)
      .values({ auctionId, userId, assetIds: [...assetIds], updatedAt: now })
      .onConflictDoUpdate({ target: [queues.auctionId, queues.userId], set: { assetIds: [...assetIds], updatedAt: now } });
  }
}
