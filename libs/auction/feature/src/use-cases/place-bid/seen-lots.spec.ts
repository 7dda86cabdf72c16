import { describe, expect, it } from 'vitest';
import type { AcceptedBid } from '@auction/contracts';
import type { BidContext, BidKey } from '../../data/bids.repository.js';
import { SeenLots } from './seen-lots.js';

const NOW = new Date('2026-08-01T18:00:00.000Z');
const key = (bidderId = 'ann', lotId = 'lot-1'): BidKey => ({ auctionId: 'auction-1', lotId, bidderId, clientBidId: 'c-1' });

function context(seq: number, highBid: number | null, options: { status?: 'live' | 'paused'; endsInMs?: number } = {}) {
  return {
    auction: {
      status: options.status ?? 'live',
      seq,
      proxiesVersion: 0,
      settings: { openingBid: 1, minIncrement: 2, rosterSize: 3, antiSnipeSeconds: 4, clockMode: 'timer', raiseSeconds: 10 },
    },
    lot: {
      id: 'lot-1',
      status: 'open',
      highBid,
      endsAt: new Date(NOW.getTime() + (options.endsInMs ?? 5000)),
    },
    proxies: [],
    bidder: { budgetRemaining: 100, rosterCount: 0 },
    earlierBid: null,
    earlierRefusal: null,
  } as unknown as BidContext;
}

const written = (seq: number, amount: number, lotId = 'lot-1', bidderId = 'bob') =>
  ({ auctionId: 'auction-1', lotId, bidderId, seq, amount, endsAt: new Date(NOW.getTime() + 6000).toISOString() }) as AcceptedBid;

describe('SeenLots', () => {
  it('picks a bid under the next minimum of the newest view, with its refusal in checkBid’s words and the high bid that beat it', () => {
    const seen = new SeenLots();
    seen.saw(key(), context(10, 8));
    expect(seen.beaten(key(), 9, NOW)).toEqual({
      refusal: { ok: false, code: 'BID_TOO_LOW', message: 'Your bid must be at least 10' },
      highBid: 8,
    });
    expect(seen.beaten(key(), 10, NOW)).toBeNull();
  });

  it('keeps the newest view: an older read does not lower the high bid, an accepted bid raises it', () => {
    const seen = new SeenLots();
    seen.saw(key(), context(10, 8));
    seen.saw(key('bob'), context(9, 4));
    expect(seen.beaten(key(), 9, NOW)).not.toBeNull();
    seen.accepted([written(11, 12), written(12, 14)]);
    expect(seen.beaten(key(), 15, NOW)).toMatchObject({ highBid: 14 });
    expect(seen.beaten(key(), 16, NOW)).toBeNull();
    seen.accepted([written(12, 30, 'lot-2')]);
    expect(seen.beaten(key(), 16, NOW)).toBeNull();
  });

  it('leaves every other bid to the usual path', () => {
    const seen = new SeenLots();
    expect(seen.beaten(key(), 1, NOW)).toBeNull(); // an auction never seen
    seen.saw(key(), context(10, null));
    expect(seen.beaten(key(), 0, NOW)).toBeNull(); // no bid yet: nothing has beaten it
    seen.saw(key(), context(11, 8));
    expect(seen.beaten(key('ann', 'lot-2'), 1, NOW)).toBeNull(); // another lot
    expect(seen.beaten(key(), 1.5, NOW)).toBeNull(); // not an amount at all
    const late = new SeenLots();
    late.saw(key(), context(10, 8, { endsInMs: -1 }));
    expect(late.beaten(key(), 1, NOW)).toBeNull(); // past the deadline seen: maybe closed
    const paused = new SeenLots();
    paused.saw(key(), context(10, 8, { status: 'paused' }));
    expect(paused.beaten(key(), 1, NOW)).toBeNull();
  });

  it('holds the lot as it is now from a read, moved on by every next bid, with the purse each bidder was read with', () => {
    const seen = new SeenLots();
    expect(seen.current(key())).toBeNull();
    seen.saw(key(), context(10, 8));
    expect(seen.current(key())).toMatchObject({
      auction: { seq: 10 },
      lot: { id: 'lot-1', highBid: 8 },
      bidder: { budgetRemaining: 100, rosterCount: 0 },
      earlierBid: null,
      earlierRefusal: null,
    });
    expect(seen.current(key('bob'))).toBeNull(); // a bidder never read: their purse is not known
    expect(seen.current(key('ann', 'lot-2'))).toBeNull();
    seen.accepted([written(11, 12), written(12, 14, 'lot-1', 'cat')]);
    expect(seen.current(key())).toMatchObject({
      auction: { seq: 12 },
      lot: { highBid: 14, highBidderId: 'cat', endsAt: new Date(NOW.getTime() + 6000) },
    });
  });

  it('lets the current view go at a seq it did not hear of, until a read brings it back', () => {
    const seen = new SeenLots();
    seen.saw(key(), context(10, 8));
    seen.accepted([written(12, 14)]); // seq 11 was something else (a proxy set elsewhere, a pause…)
    expect(seen.current(key())).toBeNull();
    expect(seen.beaten(key(), 15, NOW)).toMatchObject({ highBid: 14 });
    seen.accepted([written(13, 16)]);
    expect(seen.current(key())).toBeNull();
    seen.saw(key(), context(13, 16));
    expect(seen.current(key())).toMatchObject({ auction: { seq: 13 }, lot: { highBid: 16 } });
    seen.accepted([written(14, 20, 'lot-2')]);
    expect(seen.current(key())).toBeNull();
  });

  it('holds no current view of a lot that is not open, nor a purse for someone who is not a manager', () => {
    const seen = new SeenLots();
    seen.saw(key(), context(10, null, { status: 'paused' }));
    expect(seen.current(key())).not.toBeNull(); // the lot is open; checkBid refuses in the pause
    const closed = { ...context(11, 8), lot: { ...context(11, 8).lot!, status: 'sold' } } as BidContext;
    seen.saw(key(), closed);
    expect(seen.current(key())).toBeNull();
    const outsider = new SeenLots();
    outsider.saw(key(), { ...context(10, 8), bidder: null });
    expect(outsider.current(key())).toBeNull();
    outsider.saw(key('bob'), context(10, 8));
    expect(outsider.current(key('bob'))).not.toBeNull();
    expect(outsider.current(key())).toBeNull();
  });
});
