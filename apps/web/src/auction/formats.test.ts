import { describe, expect, it } from 'vitest';
import type { Asset } from '@auction/contracts';
import { AUCTION_ID, BOB, asset, lot, snapshot } from '../test/fixtures';
import { matching, poolEntries } from './poolState';
import { auctionReducer, initialAuctionState, type AuctionAction } from './reducer';
import { moved } from './useQueue';

const club = (n: number, name: string): Asset =>
  ({ ...asset(name), sport: 'football', competitions: [], rank: n, aliases: [], registryId: null }) as Asset;

describe('managers’ nominations in the room', () => {
  it('shows a new turn, and no turn once its lot opens', () => {
    const start: AuctionAction = { type: 'snapshot', snapshot: snapshot({ seq: 4, currentLot: null }) };
    const turn: AuctionAction = {
      type: 'nomination:turn',
      payload: { auctionId: AUCTION_ID, userId: BOB, endsAt: '2026-01-01T12:00:30.000Z', seq: 5 },
    };
    const afterTurn = [start, turn].reduce(auctionReducer, initialAuctionState);
    expect(afterTurn.snapshot).toMatchObject({ seq: 5, nomination: { userId: BOB, endsAt: '2026-01-01T12:00:30.000Z' } });
    const opened: AuctionAction = {
      type: 'lot:opened',
      payload: {
        auctionId: AUCTION_ID,
        lot: { ...lot(), nominatedBy: BOB, auto: true },
        seq: 6,
        lotsRemaining: 3,
        serverTime: '2026-01-01T12:00:31.000Z',
      },
    };
    const afterOpen = auctionReducer(afterTurn, opened);
    expect(afterOpen.snapshot).toMatchObject({ seq: 6, nomination: null, currentLot: { nominatedBy: BOB, auto: true } });
  });

  it('moves a queued asset up or down and leaves the edges alone', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('tells sold, on-sale and available pool assets apart, and searches them', () => {
    const pool = [club(1, 'Arsenal'), club(2, 'Chelsea'), club(3, 'Everton')];
    const snap = snapshot({
      currentLot: { ...lot(), asset: pool[1]! },
      lots: [{ lotId: 'l1', asset: pool[0]!, status: 'sold', winnerId: BOB, price: 3, seq: 2 }],
    });
    const entries = poolEntries(pool, snap);
    expect(entries.map((entry) => entry.status)).toEqual(['sold', 'on sale', 'available']);
    expect(matching(entries, ' ever').map((entry) => entry.asset.name)).toEqual(['Everton']);
  });
});
