import { Injectable } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import type { Transaction } from '@auction/db';
import { managers } from './schema/index.js';

@Injectable()
export class ManagerNamesRepository {
  /** The user's name in every auction they manage (snapshots, results and completion events read it); the ids of those auctions. */
  async rename(db: Transaction, userId: string, displayName: string): Promise<string[]> {
    const rows = await db
      .update(managers)
      .set({ displayName })
      .where(eq(managers.userId, userId))
      .returning({ auctionId: managers.auctionId });
    return rows.map((row) => row.auctionId);
  }
}
