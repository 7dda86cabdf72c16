export interface PoolAsset {
  id: string;
  /** Catalogue rank, 1 = strongest. */
  rank: number;
}

export interface PoolState {
  /** The league's pool. */
  assets: readonly PoolAsset[];
  /** Assets that cannot be put up now: sold, or on the open lot. */
  taken: ReadonlySet<string>;
}

export function isInPool(pool: PoolState, assetId: string): boolean {
  return pool.assets.some((asset) => asset.id === assetId);
}

export function isAvailable(pool: PoolState, assetId: string): boolean {
  return isInPool(pool, assetId) && !pool.taken.has(assetId);
}

/** The assets that can still be put up, in pool order; in `managers` mode the auction completes when none is left. */
export function availableAssets(pool: PoolState): PoolAsset[] {
  return pool.assets.filter((asset) => !pool.taken.has(asset.id));
}

/**
 * What the engine nominates when a nominator's time runs out: the first available asset of
 * their queue, else the available asset with the lowest rank (ties: the smaller id, so every
 * replica picks the same). Null when nothing is available.
 */
export function autoNominationChoice(pool: PoolState, queue: readonly string[]): string | null {
  const queued = queue.find((assetId) => isAvailable(pool, assetId));
  if (queued !== undefined) return queued;
  const strongest = availableAssets(pool).sort(byRankThenId)[0];
  return strongest?.id ?? null;
}

function byRankThenId(a: PoolAsset, b: PoolAsset): number {
  return a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
