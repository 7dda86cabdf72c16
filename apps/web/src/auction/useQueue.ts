import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../api/errors';
import { formatsApi } from './formatsApi';

/** Moves the entry at `index` one place up (-1) or down (+1); the list as it was at the edges. */
export function moved<T>(list: readonly T[], index: number, step: -1 | 1): T[] {
  const target = index + step;
  if (target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** The caller's private queue of an auction: loaded once, saved whole on every change. */
export function useQueue(auctionId: string, enabled: boolean) {
  const [assetIds, setAssetIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!enabled) return;
    formatsApi.queue(auctionId).then(
      (queue) => setAssetIds(queue.assetIds),
      (caught: unknown) => setError(describeError(caught)),
    );
  }, [auctionId, enabled]);

  const save = useCallback(
    (next: string[]) => {
      const before = assetIds;
      setAssetIds(next);
      setError(null);
      formatsApi.saveQueue(auctionId, next).catch((caught: unknown) => {
        setAssetIds(before);
        setError(describeError(caught));
      });
    },
    [auctionId, assetIds],
  );

  return {
    assetIds,
    error,
    add: (assetId: string) => !assetIds.includes(assetId) && save([...assetIds, assetId]),
    remove: (assetId: string) => save(assetIds.filter((id) => id !== assetId)),
    move: (index: number, step: -1 | 1) => save(moved(assetIds, index, step)),
  };
}

export type QueueControls = ReturnType<typeof useQueue>;
