import { describe, expect, it } from 'vitest';
import { checkFormatInvariants, type FormatAuctionState, type FormatInvariantBid } from './format-invariants.js';

const manual = (lotId: string, seq: number, amount: number, bidderId: string): FormatInvariantBid => ({
  lotId,
  seq,
  amount,
  bidderId,
  proxy: false,
  proxyMaxAmount: null,
});
const byProxy = (lotId: string, seq: number, amount: number, bidderId: string, proxyMaxAmount: number): FormatInvariantBid => ({
  ...manual(lotId, seq, amount, bidderId),
  proxy: true,
  proxyMaxAmount,
});

/** Managers mode: ann nominated lot-1 (turn 1), bob's proxy topped her, ann won it back; bob nominated lot-2 (turn 2), later reassigned to ann. */
function soundState(): FormatAuctionState {
  return {
    nominationMode: 'managers',
    lots: [
      { id: 'lot-1', status: 'sold', winnerId: 'ann', price: 12, turn: 1, nominatedBy: 'ann' },
      { id: 'lot-2', status: 'sold', winnerId: 'ann', price: 7, turn: 2, nominatedBy: 'bob' },
      { id: 'lot-3', status: 'pending', winnerId: null, price: null, turn: null, nominatedBy: null },
    ],
    bids: [manual('lot-1', 1, 5, 'ann'), byProxy('lot-1', 2, 6, 'bob', 10), manual('lot-1', 3, 12, 'ann'), manual('lot-2', 5, 3, 'bob')],
    corrections: [{ lotId: 'lot-2', seq: 7, action: 'reassign', toUserId: 'ann', price: 7 }],
  };
}

function rules(state: FormatAuctionState): string[] {
  return checkFormatInvariants(state).map((violation) => violation.rule);
}

describe('checkFormatInvariants', () => {
  it('finds nothing wrong with a sound auction', () => {
    expect(checkFormatInvariants(soundState())).toEqual([]);
  });

  it('finds a proxy bid above its maximum', () => {
    const state = soundState();
    state.bids = state.bids.map((bid) => (bid.seq === 2 ? { ...bid, amount: 11 } : bid));
    expect(checkFormatInvariants(state)).toEqual([
      { rule: 'PROXY_OVER_MAXIMUM', message: 'lot lot-1: proxy bid seq 2 of 11 is above its maximum 10' },
    ]);
  });

  it('finds a proxy bid for a manager who already led', () => {
    const state = soundState();
    state.bids = [...state.bids, byProxy('lot-1', 4, 13, 'ann', 20)];
    state.lots = state.lots.map((lot) => (lot.id === 'lot-1' ? { ...lot, price: 13 } : lot));
    expect(rules(state)).toEqual(['PROXY_BID_NOT_NEEDED']);
  });

  it('finds a lot without a nominator, and one whose first bid is not the nominator’s', () => {
    const state = soundState();
    state.lots = state.lots.map((lot) => (lot.id === 'lot-2' ? { ...lot, nominatedBy: null } : lot));
    expect(rules(state)).toEqual(['LOT_WITHOUT_NOMINATOR']);
    state.lots = state.lots.map((lot) => (lot.id === 'lot-2' ? { ...lot, nominatedBy: 'ann' } : lot));
    expect(rules(state)).toEqual(['FIRST_BID_NOT_NOMINATION']);
  });

  it('finds a lot opened with a proxy bid instead of the nomination', () => {
    const state = soundState();
    state.bids = state.bids.map((bid) => (bid.seq === 5 ? { ...bid, proxy: true, proxyMaxAmount: 3 } : bid));
    expect(rules(state)).toEqual(['FIRST_BID_NOT_NOMINATION']);
  });

  it('finds a turn nominated twice and a skipped turn', () => {
    const state = soundState();
    state.lots = state.lots.map((lot) => (lot.id === 'lot-2' ? { ...lot, turn: 1 } : lot));
    expect(rules(state)).toEqual(['TURN_NOMINATED_TWICE']);
    state.lots = state.lots.map((lot) => (lot.id === 'lot-2' ? { ...lot, turn: 4 } : lot));
    expect(checkFormatInvariants(state)).toEqual([{ rule: 'TURN_SKIPPED', message: 'turns 2..3 opened no lot' }]);
  });

  it('asks nothing about nominations in order mode', () => {
    const state = soundState();
    state.nominationMode = 'order';
    state.lots = state.lots.map((lot) => ({ ...lot, turn: null, nominatedBy: null }));
    expect(checkFormatInvariants(state)).toEqual([]);
  });

  it('finds a sale that is not as its last correction left it', () => {
    const state = soundState();
    state.corrections = [...state.corrections, { lotId: 'lot-2', seq: 9, action: 'undo', toUserId: null, price: null }];
    expect(checkFormatInvariants(state)).toEqual([
      { rule: 'CORRECTION_NOT_APPLIED', message: 'lot lot-2 belongs to ann at 7, but its last correction (seq 9) gave it to null at null' },
    ]);
    state.lots = state.lots.map((lot) => (lot.id === 'lot-2' ? { ...lot, status: 'unsold', winnerId: null, price: null } : lot));
    expect(checkFormatInvariants(state)).toEqual([]);
  });
});
