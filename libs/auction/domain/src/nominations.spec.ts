import { describe, expect, it } from 'vitest';
import { checkNomination, type NominationInput } from './nominations.js';

const now = new Date('2025-08-01T12:00:00.000Z');
const inTwentySeconds = new Date('2025-08-01T12:00:20.000Z');

function nomination(overrides: Partial<NominationInput> = {}): NominationInput {
  return {
    auctionStatus: 'live',
    turn: { userId: 'ann', endsAt: inTwentySeconds },
    nominatorId: 'ann',
    nominator: { isManager: true, budgetRemaining: 100, rosterCount: 0 },
    pool: {
      assets: [
        { id: 'arsenal', rank: 2 },
        { id: 'chelsea', rank: 4 },
      ],
      taken: new Set(['chelsea']),
    },
    assetId: 'arsenal',
    amount: 5,
    settings: { openingBid: 5, minIncrement: 1, rosterSize: 3 },
    now,
    ...overrides,
  };
}

function refusalCode(input: NominationInput): string | undefined {
  const result = checkNomination(input);
  return result.ok ? undefined : result.code;
}

describe('checkNomination', () => {
  it('accepts the nominator’s nomination at the opening bid and at their max bid', () => {
    expect(checkNomination(nomination())).toEqual({ ok: true });
    // 100 remaining, 3 open slots, opening 5: 90 is the most.
    expect(checkNomination(nomination({ amount: 90 }))).toEqual({ ok: true });
  });

  it('refuses another manager with NOT_YOUR_TURN', () => {
    expect(refusalCode(nomination({ nominatorId: 'bob' }))).toBe('NOT_YOUR_TURN');
  });

  it('refuses once the turn has passed, and outside a turn', () => {
    expect(refusalCode(nomination({ now: inTwentySeconds }))).toBe('NOT_YOUR_TURN');
    expect(refusalCode(nomination({ turn: null }))).toBe('NOT_YOUR_TURN');
  });

  it('refuses sold or open, and unknown assets with ASSET_UNAVAILABLE', () => {
    expect(refusalCode(nomination({ assetId: 'chelsea' }))).toBe('ASSET_UNAVAILABLE');
    expect(refusalCode(nomination({ assetId: 'barcelona' }))).toBe('ASSET_UNAVAILABLE');
  });

  it('refuses an amount under the opening bid or over the max bid, as for an opening bid', () => {
    expect(refusalCode(nomination({ amount: 4 }))).toBe('BID_TOO_LOW');
    expect(refusalCode(nomination({ amount: 91 }))).toBe('BUDGET_EXCEEDED');
    expect(refusalCode(nomination({ amount: 2.5 }))).toBe('VALIDATION_FAILED');
  });

  it('answers the turn before the asset, and both before the amount', () => {
    expect(refusalCode(nomination({ nominatorId: 'bob', assetId: 'chelsea', amount: 1 }))).toBe('NOT_YOUR_TURN');
    expect(refusalCode(nomination({ assetId: 'chelsea', amount: 1 }))).toBe('ASSET_UNAVAILABLE');
  });

  it('answers the auction’s state and the bidder before the turn', () => {
    expect(refusalCode(nomination({ auctionStatus: 'paused', nominatorId: 'bob' }))).toBe('AUCTION_PAUSED');
    expect(refusalCode(nomination({ auctionStatus: 'scheduled', turn: null }))).toBe('AUCTION_NOT_STARTED');
    const outsider = { isManager: false, budgetRemaining: 0, rosterCount: 0 };
    expect(refusalCode(nomination({ nominator: outsider, nominatorId: 'zed' }))).toBe('NOT_A_MANAGER');
  });
});
