import { describe, expect, it } from 'vitest';
import { lotOrder, secureRandom } from './lot-order.js';

/** A scripted random source: returns the given values in turn. */
function scripted(values: number[]): () => number {
  let next = 0;
  return () => values[next++] ?? 0;
}

describe('lotOrder', () => {
  it('keeps the given order for fixed nomination and copies the list', () => {
    const ids = ['a', 'b', 'c'];
    const ordered = lotOrder(ids, 'fixed');
    expect(ordered).toEqual(['a', 'b', 'c']);
    expect(ordered).not.toBe(ids);
  });

  it('shuffles with Fisher–Yates from the injected random source', () => {
    // i=3: j=floor(0.1*4)=0 → d,b,c,a; i=2: j=floor(0.9*3)=2 → same; i=1: j=floor(0.6*2)=1 → same.
    expect(lotOrder(['a', 'b', 'c', 'd'], 'random', scripted([0.1, 0.9, 0.6]))).toEqual(['d', 'b', 'c', 'a']);
  });

  it('copes with a random source that returns 1', () => {
    expect(lotOrder(['a', 'b', 'c'], 'random', () => 1)).toEqual(['a', 'b', 'c']);
  });

  it('returns a permutation with the default secure source', () => {
    const ids = Array.from({ length: 50 }, (_, i) => `asset-${i}`);
    expect(lotOrder(ids, 'random').sort()).toEqual([...ids].sort());
  });

  it('draws secure numbers in [0, 1)', () => {
    const draws = Array.from({ length: 1000 }, secureRandom);
    expect(draws.every((n) => n >= 0 && n < 1)).toBe(true);
    expect(new Set(draws).size).toBeGreaterThan(990);
  });
});
