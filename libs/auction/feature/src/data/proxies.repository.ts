import { Injectable } from '@nestjs/common';
import { and, asc, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { OwnProxy } from '@auction/contracts';
import type { Proxy } from '@auction/auction-domain';
import { PreparedStatement, type Transaction } from '@auction/db';
import { lots, managers, proxies } from './schema/index.js';

export interface ProxyKey {
  auctionId: string;
  userId: string;
  assetId: string;
}

/** A proxy on a lot's asset with its owner's purse: all that settling the lot needs of them. */
export interface LotProxy extends Proxy {
  budgetRemaining: number;
  rosterCount: number;
}

/** Whether a user may keep a proxy on an asset of the auction, and that asset's lot if it is open. */
export interface ProxyStanding {
  isManager: boolean;
  inPool: boolean;
  openLotId: string | null;
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

  /** Whether the user is a manager, whether the asset is one of the auction's (the pool a proxy may be set on), and its open lot: one statement. */
  async standing(db: Transaction, key: ProxyKey): Promise<ProxyStanding> {
    const [row] = await STANDING.rows(db, { ...key });
    return row!;
  }
}

const owners = alias(managers, 'proxy_owners');

/**
 * The proxies on an asset with their owners' purses, as a JSON array (null when there is none),
 * for a select that has the auction and the asset in scope. A proxy of anyone who is not a
 * manager is left out: it never bids.
 */
export function proxiesOnAsset(auctionId: AnyColumn, assetId: AnyColumn): SQL<ProxyOnAssetJson[] | null> {
  return sql<ProxyOnAssetJson[] | null>`(
    select json_agg(json_build_object('userId', ${proxies.userId}, 'maxAmount', ${proxies.maxAmount}, 'setAt', ${proxies.setAt},
      'budgetRemaining', ${owners.budgetRemaining}, 'rosterCount', ${owners.rosterCount}))
    from ${proxies} join ${managers} as ${owners} on ${owners.auctionId} = ${proxies.auctionId} and ${owners.userId} = ${proxies.userId}
    where ${proxies.auctionId} = ${auctionId} and ${proxies.assetId} = ${assetId})`;
}

type ProxyOnAssetJson = Omit<LotProxy, 'setAt'> & { setAt: string };

export function toLotProxies(json: ProxyOnAssetJson[] | null): LotProxy[] {
  return (json ?? []).map((proxy) => ({ ...proxy, setAt: new Date(proxy.setAt) }));
}

const STANDING = new PreparedStatement<ProxyStanding>(
  'proxy_standing',
  sql`
    select
      exists (select 1 from ${managers} where ${managers.auctionId} = ${sql.placeholder('auctionId')} and ${managers.userId} = ${sql.placeholder('userId')}) as "isManager",
      exists (select 1 from ${lots} where ${lots.auctionId} = ${sql.placeholder('auctionId')} and ${lots.assetId} = ${sql.placeholder('assetId')}) as "inPool",
      (select ${lots.id} from ${lots} where ${lots.auctionId} = ${sql.placeholder('auctionId')} and ${lots.assetId} = ${sql.placeholder('assetId')} and ${lots.status} = 'open' limit 1) as "openLotId"`,
);
