import { MAX_QUEUE_LENGTH } from '@auction/contracts';
import { describe, expect, it } from 'vitest';
import { queueProblems, watchlist } from './queue.js';

const pool = new Set(['arsenal', 'chelsea', 'everton']);

describe('queueProblems', () => {
  it('accepts pool assets in any order, and an empty queue', () => {
    expect(queueProblems(['everton', 'arsenal'], pool)).toEqual([]);
    expect(queueProblems([], pool)).toEqual([]);
  });

  it('names each duplicate and each asset outside the pool by its position', () => {
    expect(queueProblems(['arsenal', 'barcelona', 'arsenal'], pool)).toEqual([
      { path: 'assetIds.1', message: 'This asset is not in the league’s pool' },
      { path: 'assetIds.2', message: 'This asset is already in the queue' },
    ]);
  });

  it('refuses a queue longer than the maximum', () => {
    const ids = Array.from({ length: MAX_QUEUE_LENGTH + 1 }, (_, i) => `asset-${i}`);
    expect(queueProblems(ids, new Set(ids))).toEqual([{ path: 'assetIds', message: `A queue holds at most ${MAX_QUEUE_LENGTH} assets` }]);
    expect(queueProblems(ids.slice(1), new Set(ids))).toEqual([]);
  });
});

describe('watchlist', () => {
  it('tells how many lots open before each queued asset, null once it was put up', () => {
    expect(watchlist(['everton', 'arsenal'], ['chelsea', 'everton'])).toEqual([
      { assetId: 'everton', lotsBefore: 1 },
      { assetId: 'arsenal', lotsBefore: null },
    ]);
  });
});
