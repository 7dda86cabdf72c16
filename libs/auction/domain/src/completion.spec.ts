import { describe, expect, it } from 'vitest';
import { isAuctionComplete } from './completion.js';

describe('isAuctionComplete', () => {
  it('is not complete while a roster has room and lots remain', () => {
    expect(isAuctionComplete({ rosterSize: 3, rosterCounts: [3, 2], lotsRemaining: 4 })).toBe(false);
  });

  it('is complete when every roster is full', () => {
    expect(isAuctionComplete({ rosterSize: 3, rosterCounts: [3, 3], lotsRemaining: 4 })).toBe(true);
  });

  it('is complete when no lots remain', () => {
    expect(isAuctionComplete({ rosterSize: 3, rosterCounts: [1, 0], lotsRemaining: 0 })).toBe(true);
  });
});
