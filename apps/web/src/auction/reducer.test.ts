import type { BidAccepted } from '@auction/contracts';
import { describe, expect, it } from 'vitest';
import { ANN, AUCTION_ID, BOB, asset, lot, settings, snapshot } from '../test/fixtures';
import { auctionReducer, initialAuctionState, type AuctionAction, type AuctionState, type SeqEvent } from './reducer';

const bid = (seq: number, amount: number, bidderId = ANN, endsAt = '2026-01-01T12:00:40.000Z'): SeqEvent => ({
  type: 'bid:accepted',
  payload: { auctionId: AUCTION_ID, lotId: 'lot-1', seq, amount, bidderId, endsAt, serverTime: '2026-01-01T12:00:30.000Z' },
});

function run(...actions: AuctionAction[]): AuctionState {
  return actions.reduce(auctionReducer, initialAuctionState);
}

const start = (): AuctionAction => ({ type: 'snapshot', snapshot: snapshot({ seq: 10 }) });

describe('auctionReducer', () => {
  it('applies the next event in sequence', () => {
    const state = run(start(), bid(11, 5), bid(12, 7, BOB));
    expect(state.snapshot?.seq).toBe(12);
    expect(state.snapshot?.currentLot?.highBid).toBe(7);
    expect(state.snapshot?.currentLot?.highBidderId).toBe(BOB);
    expect(state.snapshot?.currentLot?.endsAt).toBe('2026-01-01T12:00:40.000Z');
    expect(state.snapshot?.currentLot?.remainingMs).toBe(10_000);
    expect(state.liveBids.map((b) => b.seq)).toEqual([12, 11]);
    expect(state.needsResync).toBe(false);
  });

  it('ignores stale and duplicate events', () => {
    const after = run(start(), bid(11, 5));
    const stale = auctionReducer(after, bid(9, 99));
    const duplicate = auctionReducer(after, bid(11, 5));
    expect(stale).toBe(after);
    expect(duplicate).toBe(after);
    expect(after.snapshot?.currentLot?.highBid).toBe(5);
  });

  it('ignores events of another auction', () => {
    const state = run(start());
    const other = { ...bid(11, 5), payload: { ...(bid(11, 5).payload as BidAccepted), auctionId: 'other' } } as SeqEvent;
    expect(auctionReducer(state, other)).toBe(state);
  });

  it('detects a gap, holds the event and asks for a snapshot once', () => {
    const gap = run(start(), bid(13, 9));
    expect(gap.needsResync).toBe(true);
    expect(gap.resyncRequests).toBe(1);
    expect(gap.snapshot?.seq).toBe(10);
    expect(gap.snapshot?.currentLot?.highBid).toBeNull();
    const another = auctionReducer(gap, bid(14, 10));
    expect(another.resyncRequests).toBe(1); // still one request in flight
    expect(another.pending.map((e) => e.payload.seq)).toEqual([13, 14]);
  });

  it('fills a gap when the missing event arrives', () => {
    const state = run(start(), bid(12, 7), bid(11, 5));
    expect(state.needsResync).toBe(false);
    expect(state.snapshot?.seq).toBe(12);
    expect(state.snapshot?.currentLot?.highBid).toBe(7);
  });

  it('a fresh snapshot clears the gap and replays only newer held events', () => {
    const gap = run(start(), bid(13, 9, BOB), bid(14, 12, ANN));
    const fresh = snapshot({ seq: 13, currentLot: lot({ highBid: 9, highBidderId: BOB }) });
    const state = auctionReducer(gap, { type: 'snapshot', snapshot: fresh });
    expect(state.needsResync).toBe(false);
    expect(state.snapshot?.seq).toBe(14);
    expect(state.snapshot?.currentLot?.highBid).toBe(12);
    expect(state.pending).toEqual([]);
  });

  it('keeps asking when the snapshot still leaves a hole', () => {
    const gap = run(start(), bid(15, 9));
    const state = auctionReducer(gap, { type: 'snapshot', snapshot: snapshot({ seq: 12 }) });
    expect(state.snapshot?.seq).toBe(12);
    expect(state.needsResync).toBe(true);
    expect(state.resyncRequests).toBe(2);
  });

  it('ignores a snapshot older than what it has', () => {
    const state = run(start(), bid(11, 5));
    expect(auctionReducer(state, { type: 'snapshot', snapshot: snapshot({ seq: 9 }) })).toBe(state);
  });

  it('holds events that arrive before the first snapshot', () => {
    const state = run(bid(11, 5), bid(10, 3), { type: 'snapshot', snapshot: snapshot({ seq: 10 }) });
    expect(state.snapshot?.seq).toBe(11);
    expect(state.snapshot?.currentLot?.highBid).toBe(5);
  });

  it('sells a lot: winner pays, gets the asset, max bid follows', () => {
    const state = run(start(), bid(11, 45), {
      type: 'lot:sold',
      payload: { auctionId: AUCTION_ID, lotId: 'lot-1', asset: asset('Arsenal'), winnerId: ANN, price: 45, seq: 12, nextLotAt: null },
    });
    const ann = state.snapshot?.managers.find((m) => m.userId === ANN);
    expect(state.snapshot?.currentLot).toBeNull();
    expect(ann?.budgetRemaining).toBe(455);
    expect(ann?.roster.map((r) => r.asset.name)).toEqual(['Arsenal']);
    // roster 3, one bought: two open slots → 455 − (2 − 1) × 1
    expect(ann?.maxBid).toBe(454);
    expect(state.lastMoment).toMatchObject({ kind: 'sold', winnerId: ANN, price: 45 });
  });

  it('records an unsold lot and opens the next one', () => {
    const next = lot({ id: 'lot-2', asset: asset('Chelsea') });
    const state = run(
      start(),
      { type: 'lot:unsold', payload: { auctionId: AUCTION_ID, lotId: 'lot-1', asset: asset('Arsenal'), seq: 11, nextLotAt: null } },
      {
        type: 'lot:opened',
        payload: { auctionId: AUCTION_ID, lot: next, seq: 12, lotsRemaining: 4, serverTime: '2026-01-01T12:01:00.000Z' },
      },
    );
    expect(state.lastMoment).toMatchObject({ kind: 'unsold', lotId: 'lot-1' });
    expect(state.snapshot?.currentLot?.asset.name).toBe('Chelsea');
    expect(state.snapshot?.lotsRemaining).toBe(4);
    expect(state.liveBids).toEqual([]);
  });

  it('pauses with the frozen time, resumes with the new deadline, completes', () => {
    const paused = run(start(), { type: 'auction:paused', payload: { auctionId: AUCTION_ID, seq: 11, remainingMs: 12_345 } });
    expect(paused.snapshot?.status).toBe('paused');
    expect(paused.snapshot?.currentLot?.remainingMs).toBe(12_345);
    const resumed = auctionReducer(paused, {
      type: 'auction:resumed',
      payload: { auctionId: AUCTION_ID, seq: 12, endsAt: '2026-01-01T12:05:00.000Z', nextLotAt: null },
    });
    expect(resumed.snapshot?.status).toBe('live');
    expect(resumed.snapshot?.currentLot?.endsAt).toBe('2026-01-01T12:05:00.000Z');
    const done = auctionReducer(resumed, { type: 'auction:completed', payload: { auctionId: AUCTION_ID, seq: 13 } });
    expect(done.snapshot?.status).toBe('completed');
    expect(done.snapshot?.currentLot).toBeNull();
  });

  it('keeps the winner enough budget to fill the roster at the opening bid', () => {
    const state = run(
      { type: 'snapshot', snapshot: snapshot({ settings: settings({ rosterSize: 2, openingBid: 5 }) }) },
      {
        type: 'lot:sold',
        payload: { auctionId: AUCTION_ID, lotId: 'lot-1', asset: asset('Arsenal'), winnerId: BOB, price: 100, seq: 11, nextLotAt: null },
      },
    );
    const bob = state.snapshot?.managers.find((m) => m.userId === BOB);
    expect(bob?.maxBid).toBe(400); // one slot left: the whole remaining budget
  });

  it('shows a correction on its lot at once and asks for a fresh snapshot for the purses', () => {
    const sold = { lotId: 'lot-0', asset: asset('Arsenal'), status: 'sold' as const, winnerId: ANN, price: 12, seq: 4 };
    const state = run({ type: 'snapshot', snapshot: snapshot({ seq: 10, lots: [sold] }) });
    const undone = auctionReducer(state, {
      type: 'lot:undone',
      payload: { auctionId: AUCTION_ID, lotId: 'lot-0', asset: sold.asset, previousWinnerId: ANN, refund: 12, seq: 11 },
    });
    expect(undone.snapshot?.seq).toBe(11);
    expect(undone.snapshot?.lots[0]).toMatchObject({ status: 'unsold', winnerId: null, price: null });
    expect(undone.needsResync).toBe(true);
    expect(undone.resyncRequests).toBe(1);
    const fresh = auctionReducer(undone, {
      type: 'snapshot',
      snapshot: snapshot({ seq: 11, lots: [{ ...sold, status: 'unsold', winnerId: null, price: null }] }),
    });
    const moved = auctionReducer(fresh, {
      type: 'lot:reassigned',
      payload: { auctionId: AUCTION_ID, lotId: 'lot-0', asset: sold.asset, fromUserId: ANN, toUserId: BOB, price: 8, seq: 12 },
    });
    expect(moved.snapshot?.lots[0]).toMatchObject({ winnerId: BOB, price: 8 });
    expect(moved.resyncRequests).toBe(2);
  });
});
