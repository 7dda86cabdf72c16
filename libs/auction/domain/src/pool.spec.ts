import { describe, expect, it } from 'vitest';
import { autoNominationChoice, availableAssets, isAvailable, type PoolState } from './pool.js';

function pool(taken: string[] = []): PoolState {
  return {
    assets: [
      { id: 'chelsea', rank: 4 },
      { id: 'arsenal', rank: 2 },
      { id: 'liverpool', rank: 1 },
      { id: 'everton', rank: 13 },
    ],
    taken: new Set(taken),
  };
}

describe('pool availability', () => {
  it('keeps pool order and leaves out sold and open assets', () => {
    expect(availableAssets(pool(['arsenal'])).map((asset) => asset.id)).toEqual(['chelsea', 'liverpool', 'everton']);
  });

  it('counts an asset outside the pool as unavailable', () => {
    expect(isAvailable(pool(), 'everton')).toBe(true);
    expect(isAvailable(pool(), 'barcelona')).toBe(false);
    expect(isAvailable(pool(['everton']), 'everton')).toBe(false);
  });
});

describe('autoNominationChoice', () => {
  it('takes the first still-available asset of the queue', () => {
    expect(autoNominationChoice(pool(['everton']), ['everton', 'barcelona', 'chelsea', 'arsenal'])).toBe('chelsea');
  });

  it('takes the available asset with the lowest rank when nothing queued is available', () => {
    expect(autoNominationChoice(pool(), [])).toBe('liverpool');
    expect(autoNominationChoice(pool(['liverpool', 'chelsea']), ['chelsea'])).toBe('arsenal');
  });

  it('breaks equal ranks by the smaller id, whatever the pool order', () => {
    const tied: PoolState = {
      assets: [
        { id: 'b', rank: 1 },
        { id: 'a', rank: 1 },
        { id: 'c', rank: 0 },
      ],
      taken: new Set(['c']),
    };
    expect(autoNominationChoice(tied, [])).toBe('a');
    expect(autoNominationChoice({ ...tied, assets: [...tied.assets].reverse() }, [])).toBe('a');
  });

  it('is null when the pool is exhausted', () => {
    expect(autoNominationChoice(pool(['chelsea', 'arsenal', 'liverpool', 'everton']), ['chelsea'])).toBeNull();
  });
});
