import { describe, expect, it } from 'vitest';
import { isAuctionComplete } from './completion.js';
import { drawTurnOrder, nextNominator, type TurnState } from './turns.js';

/** A scripted random source: returns the given values in turn. */
function scripted(values: number[]): () => number {
  let next = 0;
  return () => values[next++] ?? 0;
}

const turns = (rosterCounts: Record<string, number> = {}): TurnState => ({
  turnOrder: ['ann', 'bob', 'cat'],
  rosterSize: 2,
  rosterCounts,
});

describe('drawTurnOrder', () => {
  it('is reproducible from the injected random source', () => {
    // i=2: j=floor(0.1*3)=0 → cat,bob,ann; i=1: j=floor(0.9*2)=1 → same.
    expect(drawTurnOrder(['ann', 'bob', 'cat'], scripted([0.1, 0.9]))).toEqual(['cat', 'bob', 'ann']);
    expect(drawTurnOrder(['ann', 'bob', 'cat'], scripted([0.1, 0.9]))).toEqual(['cat', 'bob', 'ann']);
  });

  it('is a permutation of the managers with the default secure source', () => {
    const managers = Array.from({ length: 40 }, (_, i) => `manager-${i}`);
    expect(drawTurnOrder(managers).sort()).toEqual([...managers].sort());
  });
});

describe('nextNominator', () => {
  it('starts with the first manager in turn order', () => {
    expect(nextNominator(turns(), null)).toBe('ann');
  });

  it('passes the turn to the next manager, wrapping round', () => {
    expect(nextNominator(turns(), 'ann')).toBe('bob');
    expect(nextNominator(turns(), 'cat')).toBe('ann');
  });

  it('skips managers whose rosters are full', () => {
    expect(nextNominator(turns({ bob: 2 }), 'ann')).toBe('cat');
    expect(nextNominator(turns({ ann: 2, bob: 2 }), 'cat')).toBe('cat');
    expect(nextNominator(turns({ ann: 2 }), null)).toBe('bob');
  });

  it('is null when every roster is full', () => {
    expect(nextNominator(turns({ ann: 2, bob: 2, cat: 2 }), 'bob')).toBeNull();
  });
});

describe('completion in managers mode', () => {
  it('completes when every roster is full or the pool is empty, counting available assets as the lots left', () => {
    expect(isAuctionComplete({ rosterSize: 2, rosterCounts: [2, 1], lotsRemaining: 3 })).toBe(false);
    expect(isAuctionComplete({ rosterSize: 2, rosterCounts: [2, 2], lotsRemaining: 3 })).toBe(true);
    expect(isAuctionComplete({ rosterSize: 2, rosterCounts: [0, 1], lotsRemaining: 0 })).toBe(true);
  });
});
