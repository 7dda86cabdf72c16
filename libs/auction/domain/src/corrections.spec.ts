import { describe, expect, it } from 'vitest';
import { reassignSale, undoSale, type ManagerBooks, type ReassignInput } from './corrections.js';

// Budget 100, roster size 3, opening bid 5. Ann bought the lot at 30 and one more asset at 10.
const ann: ManagerBooks = { userId: 'ann', isManager: true, budgetRemaining: 60, spent: 40, rosterCount: 2 };
const bob: ManagerBooks = { userId: 'bob', isManager: true, budgetRemaining: 88, spent: 12, rosterCount: 1 };
const soldToAnn = { status: 'sold' as const, winnerId: 'ann', price: 30 };
const settings = { openingBid: 5, minIncrement: 1, rosterSize: 3 };

function reassign(overrides: Partial<ReassignInput> = {}): ReassignInput {
  return { auctionStatus: 'live', isCommissioner: true, lot: soldToAnn, from: ann, to: bob, price: 25, settings, ...overrides };
}

const code = (result: { ok: boolean; code?: string }) => (result.ok ? undefined : result.code);

describe('undoSale', () => {
  it('refunds the winner and frees the slot', () => {
    const result = undoSale({ auctionStatus: 'paused', isCommissioner: true, lot: soldToAnn, winner: ann, mode: 'managers' });
    expect(result).toEqual({
      ok: true,
      refund: 30,
      previousWinner: { userId: 'ann', isManager: true, budgetRemaining: 90, spent: 10, rosterCount: 1 },
      reopensAtEnd: false,
    });
  });

  it('reopens the asset after the last lot only in order mode before completion', () => {
    const context = { isCommissioner: true, lot: soldToAnn, winner: ann, mode: 'order' as const };
    expect(undoSale({ ...context, auctionStatus: 'live' })).toMatchObject({ ok: true, reopensAtEnd: true });
    expect(undoSale({ ...context, auctionStatus: 'completed' })).toMatchObject({ ok: true, reopensAtEnd: false });
  });

  it('refuses anyone but the commissioner, a scheduled auction, and a lot that was not sold', () => {
    const context = { auctionStatus: 'live' as const, isCommissioner: true, lot: soldToAnn, winner: ann, mode: 'order' as const };
    expect(code(undoSale({ ...context, isCommissioner: false }))).toBe('NOT_COMMISSIONER');
    expect(code(undoSale({ ...context, auctionStatus: 'scheduled' }))).toBe('AUCTION_NOT_STARTED');
    for (const status of ['pending', 'open', 'unsold'] as const) {
      expect(code(undoSale({ ...context, lot: { status, winnerId: null, price: null } }))).toBe('CONFLICT');
    }
  });
});

describe('reassignSale', () => {
  it('refunds the previous winner and charges the new owner, budgets staying whole', () => {
    const result = reassignSale(reassign());
    expect(result).toEqual({
      ok: true,
      books: [
        { userId: 'ann', isManager: true, budgetRemaining: 90, spent: 10, rosterCount: 1 },
        { userId: 'bob', isManager: true, budgetRemaining: 63, spent: 37, rosterCount: 2 },
      ],
    });
    for (const books of result.ok ? result.books : []) expect(books.budgetRemaining + books.spent).toBe(100);
  });

  it('corrects only the price when the owner stays, judging it with the old sale taken back', () => {
    // Ann without this lot: 90 remaining, 2 open slots → max bid 85.
    expect(reassignSale(reassign({ to: ann, price: 85 }))).toEqual({
      ok: true,
      books: [{ userId: 'ann', isManager: true, budgetRemaining: 5, spent: 95, rosterCount: 2 }],
    });
    expect(code(reassignSale(reassign({ to: ann, price: 86 })))).toBe('BUDGET_EXCEEDED');
  });

  it('refuses a new owner who is not a manager, has a full roster, or cannot afford the price', () => {
    expect(code(reassignSale(reassign({ to: null })))).toBe('NOT_A_MANAGER');
    expect(code(reassignSale(reassign({ to: { ...bob, isManager: false } })))).toBe('NOT_A_MANAGER');
    expect(code(reassignSale(reassign({ to: { ...bob, rosterCount: 3 } })))).toBe('ROSTER_FULL');
    // Bob: 88 remaining, 2 open slots → max bid 83.
    expect(reassignSale(reassign({ price: 83 })).ok).toBe(true);
    expect(code(reassignSale(reassign({ price: 84 })))).toBe('BUDGET_EXCEEDED');
  });

  it('refuses a price under the opening bid or not a whole number', () => {
    expect(code(reassignSale(reassign({ price: 4 })))).toBe('BID_TOO_LOW');
    expect(code(reassignSale(reassign({ price: 2.5 })))).toBe('VALIDATION_FAILED');
  });

  it('refuses what undo refuses', () => {
    expect(code(reassignSale(reassign({ isCommissioner: false })))).toBe('NOT_COMMISSIONER');
    expect(code(reassignSale(reassign({ lot: { status: 'unsold', winnerId: null, price: null } })))).toBe('CONFLICT');
    expect(reassignSale(reassign({ auctionStatus: 'completed' })).ok).toBe(true);
  });
});
