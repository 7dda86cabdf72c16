import { describe, expect, it } from 'vitest';
import { checkAuctionInvariants, type AuctionState } from './invariants.js';

/** Two managers, budget 100, roster size 2: ann won lot-1 at 30, bob won lot-2 at 12, lot-3 unsold, lot-4 pending. */
function soundState(): AuctionState {
  return {
    budget: 100,
    rosterSize: 2,
    managers: [
      { userId: 'ann', spent: 30, budgetRemaining: 70, roster: [{ assetId: 'arsenal', price: 30 }] },
      { userId: 'bob', spent: 12, budgetRemaining: 88, roster: [{ assetId: 'chelsea', price: 12 }] },
    ],
    lots: [
      { id: 'lot-1', status: 'sold', winnerId: 'ann', price: 30 },
      { id: 'lot-2', status: 'sold', winnerId: 'bob', price: 12 },
      { id: 'lot-3', status: 'unsold', winnerId: null, price: null },
      { id: 'lot-4', status: 'pending', winnerId: null, price: null },
    ],
    bids: [
      { lotId: 'lot-1', seq: 2, amount: 10, bidderId: 'bob' },
      { lotId: 'lot-1', seq: 3, amount: 30, bidderId: 'ann' },
      { lotId: 'lot-2', seq: 6, amount: 12, bidderId: 'bob' },
    ],
  };
}

function rules(state: AuctionState): string[] {
  return checkAuctionInvariants(state).map((violation) => violation.rule);
}

describe('checkAuctionInvariants', () => {
  it('finds nothing wrong with a sound auction', () => {
    expect(checkAuctionInvariants(soundState())).toEqual([]);
  });

  it('finds an asset owned twice', () => {
    const state = soundState();
    const [ann, bob] = state.managers;
    state.managers = [ann, { ...bob, roster: [...bob.roster, { assetId: 'arsenal', price: 0 }] }];
    const found = checkAuctionInvariants(state);
    expect(found.map((v) => v.rule)).toContain('ASSET_OWNED_TWICE');
    expect(found.find((v) => v.rule === 'ASSET_OWNED_TWICE')?.message).toBe('asset arsenal is owned by ann and by bob');
  });

  it('finds a lot listed twice', () => {
    const state = soundState();
    state.lots = [...state.lots, { id: 'lot-3', status: 'unsold', winnerId: null, price: null }];
    expect(rules(state)).toEqual(['LOT_LISTED_TWICE']);
  });

  it('finds a negative budget and the broken sum it causes', () => {
    const state = soundState();
    state.managers = [{ ...state.managers[0], budgetRemaining: -1 }, state.managers[1]];
    expect(rules(state)).toEqual(['NEGATIVE_BUDGET', 'BUDGET_MISMATCH']);
  });

  it('finds spent + remaining different from the budget', () => {
    const state = soundState();
    state.managers = [{ ...state.managers[0], budgetRemaining: 71 }, state.managers[1]];
    const found = checkAuctionInvariants(state);
    expect(found).toEqual([{ rule: 'BUDGET_MISMATCH', message: 'manager ann: spent 30 + remaining 71 ≠ budget 100' }]);
  });

  it('finds spent that disagrees with the roster prices', () => {
    const state = soundState();
    state.managers = [{ ...state.managers[0], spent: 31, budgetRemaining: 69 }, state.managers[1]];
    expect(rules(state)).toEqual(['SPENT_MISMATCH']);
  });

  it('finds a roster over its size', () => {
    const state = { ...soundState(), rosterSize: 0 };
    expect(rules(state)).toEqual(['ROSTER_OVER_SIZE', 'ROSTER_OVER_SIZE']);
  });

  it('finds a roster entry that no sale explains', () => {
    const state = soundState();
    state.lots = state.lots.map((lot) => (lot.id === 'lot-2' ? { ...lot, winnerId: 'ann' } : lot));
    expect(rules(state)).toEqual(['ROSTER_LOT_MISMATCH', 'ROSTER_LOT_MISMATCH', 'SALE_NOT_HIGHEST_BID']);
  });

  it('finds a sale to someone who is not a manager', () => {
    const state = soundState();
    state.lots = [...state.lots, { id: 'lot-5', status: 'sold', winnerId: 'eve', price: 5 }];
    state.bids = [...state.bids, { lotId: 'lot-5', seq: 9, amount: 5, bidderId: 'eve' }];
    expect(rules(state)).toEqual(['ROSTER_LOT_MISMATCH', 'BID_BY_NON_MANAGER']);
  });

  it('finds a seq that does not strictly increase', () => {
    const state = soundState();
    state.bids = [state.bids[0], state.bids[1], { ...state.bids[2], seq: 3 }];
    expect(rules(state)).toEqual(['SEQ_NOT_INCREASING']);
  });

  it('finds two accepted bids of the same amount on a lot', () => {
    const state = soundState();
    state.bids = [state.bids[0], { ...state.bids[1], amount: 10 }, state.bids[2]];
    expect(rules(state)).toContain('BID_NOT_ABOVE_HIGH');
  });

  it('finds a sold lot whose price is not the highest bid', () => {
    const state = soundState();
    state.bids = [...state.bids, { lotId: 'lot-2', seq: 7, amount: 15, bidderId: 'ann' }];
    const found = checkAuctionInvariants(state);
    expect(found).toEqual([
      { rule: 'SALE_NOT_HIGHEST_BID', message: 'lot lot-2 was sold to bob at 12, but the highest bid was ann at 15' },
    ]);
  });

  it('finds a sold lot without bids', () => {
    const state = soundState();
    state.bids = state.bids.filter((bid) => bid.lotId == 'lot-2');
    expect(rules(state)).toEqual(['SALE_NOT_HIGHEST_BID']);
  });

  it('finds an unsold lot with bids and bids on a lot never opened', () => {
    const state = soundState();
    state.bids = [
      ...state.bids,
      { lotId: 'lot-3', seq: 8, amount: 1, bidderId: 'ann' },
      { lotId: 'lot-4', seq: 9, amount: 1, bidderId: 'bob' },
    ];
    expect(rules(state)).toEqual(['UNSOLD_WITH_BIDS', 'BID_ON_UNOPENED_LOT']);
  });

  it('leaves a corrected lot’s owner to its correction: an undone sale keeps its bids, a reassigned one its old high bid', () => {
    const state = soundState();
    state.managers = [state.managers[0], { ...state.managers[1], spent: 0, budgetRemaining: 100, roster: [] }];
    state.lots = state.lots.map((lot) =>
      lot.id === 'lot-2' ? { ...lot, status: 'unsold' as const, winnerId: null, price: null, corrected: true } : lot,
    );
    expect(rules(state)).toEqual([]);
    state.lots = state.lots.map((lot) => (lot.id === 'lot-2' ? { ...lot, corrected: false } : lot));
    expect(rules(state)).toEqual(['UNSOLD_WITH_BIDS']);
  });
});
