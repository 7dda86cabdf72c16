import { describe, expect, it } from 'vitest';
import { checkBid, maxBid, minimumNextBid, type BidInput } from './bid-rules.js';

const now = new Date('2025-08-01T12:00:00.000Z');
const inTenSeconds = new Date('2025-08-01T12:00:10.000Z');

function bid(overrides: Partial<BidInput> = {}): BidInput {
  return {
    auctionStatus: 'live',
    lot: { status: 'open', endsAt: inTenSeconds, highBid: null },
    settings: { openingBid: 1, minIncrement: 1, rosterSize: 3 },
    bidder: { isManager: true, budgetRemaining: 500, rosterCount: 0 },
    amount: 10,
    now,
    ...overrides,
  };
}

function refusalCode(input: BidInput): string | undefined {
  const result = checkBid(input);
  return result.ok ? undefined : result.code;
}

describe('maxBid', () => {
  it('keeps the opening bid for every other open slot', () => {
    expect(maxBid(500, 3, 1)).toBe(498);
    expect(maxBid(100, 4, 5)).toBe(85);
  });

  it('is the whole budget for the last slot', () => {
    expect(maxBid(37, 1, 5)).toBe(37);
  });

  it('is 0 with no open slot and never negative', () => {
    expect(maxBid(500, 0, 1)).toBe(0);
    expect(maxBid(3, 5, 2)).toBe(0);
  });
});

describe('minimumNextBid', () => {
  it('is the opening bid before any bid', () => {
    expect(minimumNextBid(null, { openingBid: 5, minIncrement: 2 })).toBe(5);
  });

  it('is the high bid plus the increment afterwards', () => {
    expect(minimumNextBid(12, { openingBid: 5, minIncrement: 2 })).toBe(14);
  });
});

describe('checkBid', () => {
  it('accepts a valid bid', () => {
    expect(checkBid(bid())).toEqual({ ok: true });
  });

  it.each([0, -5, 2.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses the malformed amount %s', (amount) => {
    expect(refusalCode(bid({ amount }))).toBe('VALIDATION_FAILED');
  });

  it('refuses a non-manager before anything else', () => {
    const input = bid({ bidder: { isManager: false, budgetRemaining: 0, rosterCount: 9 }, auctionStatus: 'completed' });
    const result = checkBid(input);
    expect(result).toEqual({ ok: false, code: 'NOT_A_MANAGER', message: 'Only managers of this league can bid' });
  });

  it('refuses on a completed auction before a paused or closed lot check', () => {
    expect(refusalCode(bid({ auctionStatus: 'completed', lot: { status: 'sold', endsAt: null, highBid: 3 } }))).toBe('AUCTION_COMPLETED');
  });

  it('refuses while paused, even on a lot whose deadline has passed', () => {
    expect(refusalCode(bid({ auctionStatus: 'paused', lot: { status: 'open', endsAt: now, highBid: null } }))).toBe('AUCTION_PAUSED');
  });

  it('refuses on a scheduled auction as not started', () => {
    expect(refusalCode(bid({ auctionStatus: 'scheduled', lot: { status: 'pending', endsAt: null, highBid: null } }))).toBe(
      'AUCTION_NOT_STARTED',
    );
  });

  it.each(['pending', 'sold', 'unsold'] as const)('refuses a %s lot as closed', (status) => {
    expect(refusalCode(bid({ lot: { status, endsAt: inTenSeconds, highBid: null } }))).toBe('LOT_CLOSED');
  });

  it('refuses exactly at the deadline and accepts one millisecond before', () => {
    expect(refusalCode(bid({ now: inTenSeconds }))).toBe('LOT_CLOSED');
    expect(checkBid(bid({ now: new Date(inTenSeconds.getTime() - 1) })).ok).toBe(true);
  });

  it('refuses an open lot that has no deadline', () => {
    expect(refusalCode(bid({ lot: { status: 'open', endsAt: null, highBid: null } }))).toBe('LOT_CLOSED');
  });

  it('refuses a full roster before looking at the amount', () => {
    const result = checkBid(bid({ bidder: { isManager: true, budgetRemaining: 0, rosterCount: 3 }, amount: 1 }));
    expect(result).toEqual({ ok: false, code: 'ROSTER_FULL', message: 'Your roster is full' });
  });

  it('refuses a bid under the opening bid', () => {
    const input = bid({ settings: { openingBid: 5, minIncrement: 1, rosterSize: 3 }, amount: 4 });
    expect(checkBid(input)).toEqual({ ok: false, code: 'BID_TOO_LOW', message: 'Your bid must be at least 5' });
  });

  it('refuses a bid under the high bid plus increment, and an equal bid', () => {
    const lot = { status: 'open' as const, endsAt: inTenSeconds, highBid: 20 };
    const settings = { openingBid: 1, minIncrement: 5, rosterSize: 3 };
    expect(refusalCode(bid({ lot, settings, amount: 24 }))).toBe('BID_TOO_LOW');
    expect(refusalCode(bid({ lot, settings, amount: 20 }))).toBe('BID_TOO_LOW');
    expect(checkBid(bid({ lot, settings, amount: 25 })).ok).toBe(true);
  });

  it('refuses a low bid before an unaffordable one', () => {
    const input = bid({
      bidder: { isManager: true, budgetRemaining: 2, rosterCount: 0 },
      amount: 1,
      settings: { openingBid: 3, minIncrement: 1, rosterSize: 3 },
    });
    expect(refusalCode(input)).toBe('BID_TOO_LOW');
  });

  it('refuses one over the max bid and accepts the max bid itself', () => {
    // 100 remaining, 3 open slots, opening bid 5: must keep 2 × 5 back, so 90 is the most.
    const bidder = { isManager: true, budgetRemaining: 100, rosterCount: 0 };
    const settings = { openingBid: 5, minIncrement: 1, rosterSize: 3 };
    const result = checkBid(bid({ bidder, settings, amount: 91 }));
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.code).toBe('BUDGET_EXCEEDED');
    expect(result.ok ? '' : result.message).toContain('90');
    expect(checkBid(bid({ bidder, settings, amount: 90 })).ok).toBe(true);
  });
});
