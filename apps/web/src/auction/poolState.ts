import type { Asset, AuctionSnapshot } from '@auction/contracts';

export type PoolStatus = 'available' | 'on sale' | 'sold';

export interface PoolEntry {
  asset: Asset;
  status: PoolStatus;
}

/** Each pool asset with where it stands in the auction: sold (or closed), on sale now, or still available. */
export function poolEntries(pool: readonly Asset[], snapshot: AuctionSnapshot): PoolEntry[] {
  const closed = new Set((snapshot.lots ?? []).map((lot) => lot.asset.id));
  const onSale = snapshot.currentLot?.asset.id;
  return pool.map((asset) => ({
    asset,
    status: closed.has(asset.id) ? 'sold' : asset.id === onSale ? 'on sale' : 'available',
  }));
}

/** Assets whose name, short name or team contains the search text (any case). */
export function matching(entries: readonly PoolEntry[], search: string): PoolEntry[] {
  const text = search.trim().toLowerCase();
  if (!text) return [...entries];
  return entries.filter(({ asset }) => [asset.name, asset.shortName, asset.team].some((field) => field?.toLowerCase().includes(text)));
}
