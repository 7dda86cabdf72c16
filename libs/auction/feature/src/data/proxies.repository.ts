import { Injectable } from '@nestjs/common';
import { and, asc, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { OwnProxy } from '@auction/contracts';
import type { AuctionStatus, Proxy } from '@auction/auction-domain';
import { perHandle, PreparedStatement, type Transaction } from '@auction/db';
import { auctions, lots, managers, proxies } from './schema/index.js';

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

/** What decides whether a user may keep a proxy on an asset of the auction. */
export interface ProxyStanding {
  /** Null when there is no such auction. */
  auctionStatus: AuctionStatus | null;
  isManager: boolean;
  inPool: boolean;
}

/** Managers' private maxima. Only `own` ever leaves the engine, and only to the proxy's owner. */
@Injectable()
export class ProxiesRepository {
  async put(db: Transaction, key: ProxyKey, maxAmount: number, setAt: Date): Promise<void> {
    await putQuery(db).execute({ ...key, maxAmount, setAt });
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

  /** The auction's status, whether the user is one of its managers and the asset one of its pool (what a proxy may be set on): one statement. */
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

const putQuery = perHandle((db) => {
  const value = (name: string) => sql.placeholder(name);
  return db
    .insert(proxies)
    .values({
      auctionId: value('auctionId'),
      userId: value('userId'),
      assetId: value('assetId'),
      maxAmount: value('maxAmount'),
      setAt: value('setAt'),
    })
    .onConflictDoUpdate({
      target: [proxies.auctionId, proxies.userId, proxies.assetId],
      set: {
        maxAmount: sql`excluded.${sql.identifier(proxies.maxAmount.name)}`,
        setAt: sql`excluded.${sql.identifier(proxies.setAt.name)}`,
      },
    })
    .prepare('proxy_put');
});

const STANDING = new PreparedStatement<ProxyStanding>(
  'proxy_standing',
  sql`
    select
      (select ${auctions.status} from ${auctions} where ${auctions.id} = ${sql.placeholder('auctionId')}) as "auctionStatus",
      exists (select 1 from ${managers} where ${managers.auctionId} = ${sql.placeholder('auctionId')} and ${managers.userId} = ${sql.placeholder('userId')}) as "isManager",
      exists (select 1 from ${lots} where ${lots.auctionId} = ${sql.placeholder('auctionId')} and ${lots.assetId} = ${sql.placeholder('assetId')}) as "inPool"`,
);
