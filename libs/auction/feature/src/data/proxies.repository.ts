import { Injectable } from '@nestjs/common';
import { and, asc, eq } from 'drizzle-orm';
import type { OwnProxy } from '@auction/contracts';
import type { Proxy } from '@auction/auction-domain';
import type { Transaction } from '@auction/db';
import { lots, proxies } from './schema/index.js';

export interface ProxyKey {
  auctionId: string;
  userId: string;
  assetId: string;
}

/** Managers' private maxima. Only `own` ever leaves the engine, and only to the proxy's owner. */
@Injectable()
export class ProxiesRepository {
  async put(db: Transaction, key: ProxyKey, maxAmount: number, setAt: Date): Promise<void> {
    await db
      .insert(proxies)
      .values({ ...key, maxAmount, setAt })
      .onConflictDoUpdate({ target: [proxies.auctionId, proxies.userId, proxies.assetId], set: { maxAmount, setAt } });
  }

  async remove(db: Transaction, key: ProxyKey): Promise<void> {
    await db
      .delete(proxies)
      .where(and(eq(proxies.auctionId, key.auctionId), eq(proxies.userId, key.userId), eq(proxies.assetId, key.assetId)));
  }

  async own(db: Transaction, auctionId: string, userId: string): Promise<OwnProxy[]> {
    return db
      .select({ assetId: proxies.assetId, maxAmount: proxies.maxAmount })
      .from(proxies)
      .where(and(eq(proxies.auctionId, auctionId), eq(proxies.userId, userId)))
      .orderBy(asc(proxies.setAt));
  }

  /** Every proxy on the lot's asset, for settling it. */
  async onLot(db: Transaction, auctionId: string, lotId: string): Promise<Proxy[]> {
    return db
      .select({ userId: proxies.userId, maxAmount: proxies.maxAmount, setAt: proxies.setAt })
      .from(proxies)
      .innerJoin(lots, and(eq(lots.id, lotId), eq(lots.assetId, proxies.assetId)))
      .where(eq(proxies.auctionId, auctionId));
  }

  /** Whether the asset is one of the auction's (the pool a proxy may be set on). */
  async inPool(db: Transaction, auctionId: string, assetId: string): Promise<boolean> {
    const rows = await db
      .select({ id: lots.id })
      .from(lots)
      .where(and(eq(lots.auctionId, auctionId), eq(lots.assetId, assetId)))
      .limit(1);
    return rows.length > 0;
  }
}
