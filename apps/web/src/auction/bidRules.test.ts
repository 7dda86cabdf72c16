import { describe, expect, it } from 'vitest';
import { ANN, BOB, lot, manager, settings, snapshot } from '../test/fixtures';
import { biddingBlock, checkBid, nextMinimumBid, quickBids, type BidContext } from './bidRules';

function ctx(overrides: Partial<BidContext> = {}): BidContext {
  return {
    snapshot: snapshot({ currentLot: lot({ highBid: 10, highBidderId: BOB }), settings: settings({ minIncrement: 2 }) }),
    myUserId: ANN,
    connected: true,
    remainingMs: null,
    assetWord: 'Club',
    ...overrides,
  };
}

describe('bid rules', () => {
  it('next minimum is the opening bid, then high bid + increment', () => {
    expect(nextMinimumBid({ highBid: null, openingBid: 3 }, { minIncrement: 2 })).toBe(3);
    expect(nextMinimumBid({ highBid: 10, openingBid: 3 }, { minIncrement: 2 })).toBe(12);
  });

  it('allows a valid bid', () => {
    expect(biddingBlock(ctx())).toBeNull();
    expect(checkBid(ctx(), 12)).toBeNull();
  });

  it.each([
    [
      'over my max bid',
      ctx({
        snapshot: snapshot({
          currentLot: lot({ highBid: 10 }),
          managers: [manager(ANN, { maxBid: 11 })],
          settings: settings({ minIncrement: 2 }),
        }),
      }),
      'over-max',
      'The next bid (£12m) is over your max bid of £11m.',
    ],
    [
      'roster full',
      ctx({
        snapshot: snapshot({
          managers: [manager(ANN, { roster: [{ asset: lot().asset, price: 5, lotId: 'lot-0' }] })],
          settings: settings({ rosterSize: 1 }),
        }),
      }),
      'roster-full',
      'Your squad is full — you can’t bid on more.',
    ],
    [
      'paused',
      ctx({ snapshot: snapshot({ status: 'paused', settings: settings({ minIncrement: 2 }) }) }),
      'paused',
      'The auction is paused — wait for the commissioner to resume it.',
    ],
    ['not a manager', ctx({ myUserId: 'someone-else' }), 'not-manager', 'You’re watching — only managers in this league can bid.'],
    ['offline', ctx({ connected: false }), 'offline', 'You’re offline — bidding comes back when you reconnect.'],
    ['completed', ctx({ snapshot: snapshot({ status: 'completed', currentLot: null }) }), 'completed', 'The auction has finished.'],
    ['no lot open', ctx({ snapshot: snapshot({ currentLot: null }) }), 'no-lot', 'Waiting for the next club to open.'],
    ['time is up', ctx({ remainingMs: 0 }), 'time-up', 'Time’s up on this lot — waiting for the result.'],
    [
      'already the high bidder',
      ctx({ snapshot: snapshot({ currentLot: lot({ highBid: 10, highBidderId: ANN }) }) }),
      'high-bidder',
      'You have the highest bid.',
    ],
  ])('blocks bidding when %s, with the reason in plain words', (_name, context, code, reason) => {
    expect(biddingBlock(context)).toEqual({ code, reason });
    for (const quick of quickBids(context)) expect(quick.block?.code).toBe(code);
  });

  it('refuses an amount below the next minimum or above my max bid', () => {
    expect(checkBid(ctx(), 11)).toEqual({ code: 'too-low', reason: 'The next bid must be at least £12m.' });
    expect(checkBid(ctx(), 499)).toEqual({ code: 'over-max', reason: 'That’s over your max bid of £498m.' });
    expect(checkBid(ctx(), 12.5)?.code).toBe('invalid-amount');
  });

  it('offers next minimum, +5 and +10, each checked on its own', () => {
    const context = ctx({
      snapshot: snapshot({
        currentLot: lot({ highBid: 10, highBidderId: BOB }),
        managers: [manager(ANN, { maxBid: 16 })],
        settings: settings({ minIncrement: 2 }),
      }),
    });
    const quick = quickBids(context);
    expect(quick.map((q) => [q.key, q.amount])).toEqual([
      ['min', 12],
      ['plus5', 15],
      ['plus10', 20],
    ]);
    expect(quick.map((q) => q.block?.code ?? null)).toEqual([null, null, 'over-max']);
  });

  it('never offers a quick bid below the next minimum', () => {
    const context = ctx({
      snapshot: snapshot({ currentLot: lot({ highBid: 10, highBidderId: BOB }), settings: settings({ minIncrement: 8 }) }),
    });
    expect(quickBids(context).map((q) => q.amount)).toEqual([18, 18, 20]);
  });
});
