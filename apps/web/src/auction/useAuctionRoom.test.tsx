import { SEQ_GAP_GRACE_MS, type AcceptedBid, type AuctionSnapshot } from '@auction/contracts';
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearSession, setTokens } from '../api/session';
import { FakeSocket, NO_ANSWER } from '../test/fakeSocket';
import { ANN, AUCTION_ID, BOB, lot, snapshot } from '../test/fixtures';

const socket = new FakeSocket();

vi.mock('../realtime/socket', async () => {
  const { createStore } = await import('../lib/store');
  return {
    getSocket: () => socket,
    connectionStore: createStore('connected'),
  };
});
vi.mock('../api/endpoints', () => ({
  // The HTTP snapshot never answers here: the socket is what is under test.
  auctionsApi: { get: () => new Promise(() => undefined) },
}));

// Imported after the mocks are set up, because the mock factory closes over `socket`.
const { useAuctionRoom } = await import('./useAuctionRoom');

let served: AuctionSnapshot;

function acceptedBid(payload: { lotId: string; amount: number; clientBidId: string }, seq: number): AcceptedBid {
  return {
    id: `bid-${seq}`,
    auctionId: AUCTION_ID,
    lotId: payload.lotId,
    bidderId: ANN,
    amount: payload.amount,
    seq,
    clientBidId: payload.clientBidId,
    createdAt: '2026-01-01T12:00:10.000Z',
    serverTime: '2026-01-01T12:00:10.000Z',
    endsAt: '2026-01-01T12:00:30.000Z',
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.parse('2026-01-01T12:00:00.000Z'));
  setTokens(
    { accessToken: 'a', refreshToken: 'r', expiresIn: 900 },
    {
      id: ANN,
      email: 'ann@club.org',
      displayName: 'Ann',
      createdAt: '2026-01-01T00:00:00.000Z',
    },
  );
  socket.emitted.length = 0;
  socket.connected = true;
  served = snapshot({ seq: 10 });
  socket.responders['auction:join'] = () => ({ ok: true, snapshot: served });
  socket.responders['time:sync'] = (p) => ({ clientTime: (p as { clientTime: number }).clientTime, serverTime: Date.now() });
});

afterEach(() => {
  cleanup();
  clearSession();
  vi.useRealTimers();
});

async function mount() {
  const hook = renderHook(() => useAuctionRoom(AUCTION_ID));
  await act(async () => {
    await vi.advanceTimersByTimeAsync(0);
  });
  return hook;
}

describe('useAuctionRoom', () => {
  it('joins the auction room and takes the snapshot from the ack', async () => {
    const { result } = await mount();
    expect(socket.sent('auction:join')).toEqual([{ auctionId: AUCTION_ID }]);
    expect(result.current.state.snapshot?.seq).toBe(10);
    expect(result.current.joinCount).toBe(1);
  });

  it('applies live events in order, waits for a missing one, and re-requests the snapshot when it does not come', async () => {
    const { result } = await mount();
    const bid = (seq: number, amount: number) => ({
      auctionId: AUCTION_ID,
      lotId: 'lot-1',
      seq,
      amount,
      bidderId: BOB,
      endsAt: '2026-01-01T12:00:40.000Z',
      serverTime: '2026-01-01T12:00:01.000Z',
    });
    await act(async () => socket.fire('bid:accepted', bid(11, 5)));
    expect(result.current.state.snapshot?.currentLot?.highBid).toBe(5);
    expect(result.current.announcement.text).toBe('Bob bid £5m. Time extended.');

    // Two events swapped on the way (accepted on different replicas): held, then applied in order, no re-join.
    await act(async () => socket.fire('bid:accepted', bid(13, 7)));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(SEQ_GAP_GRACE_MS / 2);
    });
    await act(async () => socket.fire('bid:accepted', bid(12, 6)));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(SEQ_GAP_GRACE_MS);
    });
    expect(socket.sent('auction:join')).toHaveLength(1);
    expect(result.current.state.snapshot?.seq).toBe(13);
    expect(result.current.state.snapshot?.currentLot?.highBid).toBe(7);

    served = snapshot({ seq: 15, currentLot: lot({ highBid: 9, highBidderId: BOB }) });
    await act(async () => socket.fire('bid:accepted', bid(15, 9))); // 14 never comes
    await act(async () => {
      await vi.advanceTimersByTimeAsync(SEQ_GAP_GRACE_MS - 50);
    });
    expect(socket.sent('auction:join')).toHaveLength(1);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(50);
    });
    expect(socket.sent('auction:join')).toHaveLength(2);
    expect(result.current.state.snapshot?.seq).toBe(15);
    expect(result.current.state.snapshot?.currentLot?.highBid).toBe(9);
    expect(result.current.state.needsResync).toBe(false);
  });

  it('re-joins after a reconnect and takes the fresh snapshot', async () => {
    const { result } = await mount();
    served = snapshot({ seq: 20, currentLot: lot({ id: 'lot-7', highBid: 30, highBidderId: BOB }) });
    await act(async () => {
      socket.fire('connect');
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(socket.sent('auction:join')).toHaveLength(2);
    expect(result.current.state.snapshot?.currentLot?.id).toBe('lot-7');
    expect(result.current.joinCount).toBe(2);
  });

  it('retries a bid whose ack timed out with the same clientBidId', async () => {
    const { result } = await mount();
    let attempts = 0;
    socket.responders['bid:place'] = (payload) => {
      attempts++;
      if (attempts === 1) return NO_ANSWER;
      return { ok: true, bid: acceptedBid(payload as { lotId: string; amount: number; clientBidId: string }, 11) };
    };
    let done!: Promise<void>;
    act(() => {
      done = result.current.placeBid(2, 'lot-1', 'Club');
    });
    expect(result.current.bidStatus).toMatchObject({ state: 'sending', attempt: 1 });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(4_000);
      await done;
    });
    const sent = socket.sent('bid:place') as Array<{ clientBidId: string; amount: number; lotId: string }>;
    expect(sent).toHaveLength(2);
    expect(sent[0]!.clientBidId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1]!.clientBidId).toBe(sent[0]!.clientBidId);
    expect(sent[1]).toMatchObject({ amount: 2, lotId: 'lot-1', auctionId: AUCTION_ID });
    expect(result.current.bidStatus).toMatchObject({ state: 'accepted', amount: 2, serverTime: '2026-01-01T12:00:10.000Z' });
    expect(result.current.state.snapshot?.currentLot?.highBidderId).toBe(ANN);
  });

  it('explains a refused bid with the amount that would win', async () => {
    const { result } = await mount();
    await act(async () =>
      socket.fire('bid:accepted', {
        auctionId: AUCTION_ID,
        lotId: 'lot-1',
        seq: 11,
        amount: 7,
        bidderId: BOB,
        endsAt: '2026-01-01T12:00:40.000Z',
        serverTime: '2026-01-01T12:00:01.000Z',
      }),
    );
    socket.responders['bid:place'] = () => ({ ok: false, error: { code: 'BID_TOO_LOW', message: 'amount < 8' } });
    await act(async () => {
      await result.current.placeBid(7, 'lot-1', 'Club');
    });
    expect(result.current.bidStatus).toEqual({
      state: 'refused',
      amount: 7,
      message: 'Someone bid that already — the next bid must be at least £8m.',
    });
  });

  it('never sends a bid pressed for a lot that has closed to the lot that opened since', async () => {
    const { result } = await mount();
    await act(async () => {
      socket.fire('lot:unsold', { auctionId: AUCTION_ID, lotId: 'lot-1', asset: lot().asset, seq: 11, nextLotAt: null });
      socket.fire('lot:opened', {
        auctionId: AUCTION_ID,
        lot: lot({ id: 'lot-2' }),
        seq: 12,
        lotsRemaining: 4,
        serverTime: '2026-01-01T12:00:02.000Z',
      });
    });
    expect(result.current.state.snapshot?.currentLot?.id).toBe('lot-2');
    await act(async () => {
      await result.current.placeBid(5, 'lot-1', 'Club');
    });
    expect(socket.sent('bid:place')).toEqual([]);
    expect(result.current.bidStatus).toEqual({ state: 'idle' });
  });
});
