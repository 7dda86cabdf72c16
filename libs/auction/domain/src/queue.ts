import { MAX_QUEUE_LENGTH } from '@auction/contracts';

export interface QueueProblem {
  path: string;
  message: string;
}

/** Why a queue cannot be stored (empty when it can): too long, an asset twice, an asset outside the pool. */
export function queueProblems(assetIds: readonly string[], poolIds: ReadonlySet<string>): QueueProblem[] {
  if (assetIds.length > MAX_QUEUE_LENGTH) {
    return [{ path: 'assetIds', message: `A queue holds at most ${MAX_QUEUE_LENGTH} assets` }];
  }
  const seen = new Set<string>();
  const problems: QueueProblem[] = [];
  assetIds.forEach((assetId, index) => {
    const path = `assetIds.${index}`;
    if (seen.has(assetId)) problems.push({ path, message: 'This asset is already in the queue' });
    else if (!poolIds.has(assetId)) problems.push({ path, message: 'This asset is not in the league’s pool' });
    seen.add(assetId);
  });
  return problems;
}

export interface WatchlistEntry {
  assetId: string;
  /** Lots that open before this one (0 = the next to open); null once it has been put up. */
  lotsBefore: number | null;
}

/** In `order` mode the queue is a watchlist: when each queued asset comes up among the lots not yet opened. */
export function watchlist(queue: readonly string[], pendingLotAssetIds: readonly string[]): WatchlistEntry[] {
  return queue.map((assetId) => {
    const index = pendingLotAssetIds.indexOf(assetId);
    return { assetId, lotsBefore: index < 0 ? null : index };
  });
}
