import type { AcceptedBid, AuctionSnapshot, ErrorBody } from '@auction/contracts';
import { useCallback, useEffect, useReducer, useRef, useState, useSyncExternalStore } from 'react';
import { api } from '../api/client';
import { auctionsApi } from '../api/endpoints';
import { ApiError, isAppErrorCode, messageForCode } from '../api/errors';
import { currentUserId, getSession } from '../api/session';
import { formatMoney } from '../lib/format';
import { newId } from '../lib/id';
import { connectionStore, getSocket, type AppSocket } from '../realtime/socket';
import { syncClock } from '../realtime/timeSync';
import { findManager, nextMinimumBid } from './bidRules';
import { ServerClock } from './clock';
import { auctionReducer, initialAuctionState, rulesOf, type AuctionRules, type SeqEvent } from './reducer';

export type BidStatus =
  | { state: 'idle' }
  | { state: 'sending'; amount: number; attempt: number }
  | { state: 'accepted'; amount: number; serverTime: string; seq: number; lotId: string }
  | { state: 'refused'; amount: number; message: string }
  | { state: 'unconfirmed'; amount: number; message: string };

const JOIN_TIMEOUT_MS = 8000;
const BID_ACK_TIMEOUT_MS = 4000;
const BID_RETRY_WINDOW_MS = 30_000;
const RESYNC_RETRY_MS = 2000;
const CLOCK_RESYNC_MS = 30_000;

function errorFromAck(error: ErrorBody | undefined): ApiError {
  const code = isAppErrorCode(error?.code) ? error.code : 'UNKNOWN';
  return new ApiError(code, 0);
}

function nameOf(snapshot: AuctionSnapshot | null, userId: string | null | undefined): string {
  if (!userId) return 'Someone';
  const me = currentUserId();
  if (userId === me) return 'You';
  return snapshot?.managers.find((m) => m.userId === userId)?.displayName ?? 'A manager';
}

/** A sentence for screen readers (aria-live) about a live event. */
export function describeEvent(event: SeqEvent, snapshot: AuctionSnapshot | null): string {
  switch (event.type) {
    case 'lot:opened':
      return `Now bidding: ${event.payload.lot.asset.name}. Opening bid ${formatMoney(event.payload.lot.openingBid)}.`;
    case 'bid:accepted': {
      const previous = snapshot?.currentLot?.endsAt ? Date.parse(snapshot.currentLot.endsAt) : null;
      const extended = previous !== null && Date.parse(event.payload.endsAt) > previous + 500;
      return `${nameOf(snapshot, event.payload.bidderId)} bid ${formatMoney(event.payload.amount)}.${extended ? ' Time extended.' : ''}`;
    }
    case 'lot:sold':
      return `Sold! ${event.payload.asset.name} to ${nameOf(snapshot, event.payload.winnerId)} for ${formatMoney(event.payload.price)}.`;
    case 'lot:unsold':
      return `${event.payload.asset.name} went unsold.`;
    case 'auction:live':
      return 'The auction is live.';
    case 'auction:paused':
      return 'The auction is paused.';
    case 'auction:resumed':
      return 'The auction has resumed.';
    case 'auction:completed':
      return 'The auction is over.';
    case 'lot:undone':
      return `The commissioner undid the sale of ${event.payload.asset.name} to ${nameOf(snapshot, event.payload.previousWinnerId)} (${formatMoney(event.payload.refund)} refunded).`;
    case 'lot:reassigned':
      return `The commissioner moved ${event.payload.asset.name} from ${nameOf(snapshot, event.payload.fromUserId)} to ${nameOf(snapshot, event.payload.toUserId)} for ${formatMoney(event.payload.price)}.`;
  }
}

const SEQ_EVENTS = [
  'lot:opened',
  'bid:accepted',
  'lot:sold',
  'lot:unsold',
  'auction:live',
  'auction:paused',
  'auction:resumed',
  'auction:completed',
  'lot:undone',
  'lot:reassigned',
] as const;

/**
 * Everything the auction room needs: the snapshot kept current by seq-ordered events, the
 * server clock, the connection state, and `placeBid` with retries under one `clientBidId`.
 */
export function useAuctionRoom(auctionId: string) {
  const [clock] = useState(() => new ServerClock());
  const [state, dispatch] = useReducer(auctionReducer, initialAuctionState);
  const connection = useSyncExternalStore(connectionStore.subscribe, connectionStore.get);
  const [joinError, setJoinError] = useState<ApiError | null>(null);
  const [joinCount, setJoinCount] = useState(0);
  const [announcement, setAnnouncement] = useState({ text: '', id: 0 });
  const [bidStatus, setBidStatus] = useState<BidStatus>({ state: 'idle' });
  const stateRef = useRef(state);
  stateRef.current = state;
  const socketRef = useRef<AppSocket | null>(null);
  const joinRef = useRef<() => void>(() => undefined);
  const mounted = useRef(true);

  const announce = useCallback((text: string) => setAnnouncement((a) => ({ text, id: a.id + 1 })), []);

  // A first snapshot over HTTP paints the room even before the socket is up.
  useEffect(() => {
    const controller = new AbortController();
    auctionsApi.get(auctionId).then(
      (snapshot) => {
        if (controller.signal.aborted) return;
        clock.addServerTime(snapshot.serverTime);
        dispatch({ type: 'snapshot', snapshot });
      },
      (error: unknown) => {
        if (!controller.signal.aborted && error instanceof ApiError && error.status >= 400 && error.status < 500) {
          setJoinError(error);
        }
      },
    );
    return () => controller.abort();
  }, [auctionId, clock]);

  useEffect(() => {
    mounted.current = true;
    const socket = getSocket();
    socketRef.current = socket;
    let disposed = false;
    let joining = false;

    const join = () => {
      if (disposed || joining || !socket.connected) return;
      joining = true;
      socket
        .timeout(JOIN_TIMEOUT_MS)
        .emitWithAck('auction:join', { auctionId })
        .then(
          (answer) => {
            if (disposed) return;
            if (answer.ok) {
              clock.addServerTime(answer.snapshot.serverTime);
              dispatch({ type: 'snapshot', snapshot: answer.snapshot });
              setJoinError(null);
              setJoinCount((n) => n + 1);
            } else if (answer.error.code === 'UNAUTHORIZED' || answer.error.code === 'TOKEN_EXPIRED') {
              void api.refresh().then((ok) => ok && socket.disconnect().connect());
            } else {
              setJoinError(errorFromAck(answer.error));
            }
          },
          () => {
            // No answer in time: try again while connected.
            if (!disposed) setTimeout(join, RESYNC_RETRY_MS);
          },
        )
        .finally(() => {
          joining = false;
        });
    };
    joinRef.current = join;

    const onConnect = () => {
      clock.resetOneWay();
      join();
      void syncClock(socket, clock);
    };

    const onSnapshot = (snapshot: AuctionSnapshot) => {
      if (snapshot.id !== auctionId) return;
      clock.addServerTime(snapshot.serverTime);
      dispatch({ type: 'snapshot', snapshot });
    };

    const handlers = SEQ_EVENTS.map((type) => {
      const handler = (payload: SeqEvent['payload']) => {
        if (payload.auctionId !== auctionId) return;
        const event = { type, payload } as SeqEvent;
        if ('serverTime' in payload && typeof payload.serverTime === 'string') clock.addServerTime(payload.serverTime);
        const current = stateRef.current.snapshot;
        if (current && payload.seq > current.seq) announce(describeEvent(event, current));
        dispatch(event);
      };
      socket.on(type, handler as never);
      return [type, handler] as const;
    });

    socket.on('connect', onConnect);
    socket.on('auction:snapshot', onSnapshot);
    if (socket.connected) onConnect();
    const clockTimer = setInterval(() => {
      if (socket.connected) void syncClock(socket, clock, 2);
    }, CLOCK_RESYNC_MS);

    return () => {
      disposed = true;
      mounted.current = false;
      clearInterval(clockTimer);
      socket.off('connect', onConnect);
      socket.off('auction:snapshot', onSnapshot);
      for (const [type, handler] of handlers) socket.off(type, handler as never);
    };
  }, [auctionId, clock, announce]);

  // A gap in seq: ask for a fresh snapshot now, and again every few seconds until it comes.
  useEffect(() => {
    if (!state.needsResync) return;
    joinRef.current();
    const timer = setInterval(() => joinRef.current(), RESYNC_RETRY_MS);
    return () => clearInterval(timer);
  }, [state.needsResync, state.resyncRequests]);

  // League rules fill in what an older snapshot may not carry.
  const setRules = useCallback((rules: Partial<AuctionRules>) => dispatch({ type: 'rules', rules }), []);

  const currentLotId = state.snapshot?.currentLot?.id ?? null;
  useEffect(() => {
    setBidStatus((status) => (status.state === 'sending' ? status : { state: 'idle' }));
  }, [currentLotId]);

  const placeBid = useCallback(
    /** `lotId` is the lot on screen when the bid was pressed: a bid is never moved to a lot that opened since. */
    async (amount: number, lotId: string, assetWord: string) => {
      const socket = socketRef.current;
      const lot = stateRef.current.snapshot?.currentLot;
      if (!socket || !lot || lot.id !== lotId) return;
      const clientBidId = newId();
      const payload = { auctionId, lotId, amount, clientBidId };
      const started = Date.now();
      for (let attempt = 1; Date.now() - started < BID_RETRY_WINDOW_MS; attempt++) {
        if (!mounted.current) return;
        setBidStatus({ state: 'sending', amount, attempt });
        try {
          const answer = await socket.timeout(BID_ACK_TIMEOUT_MS).emitWithAck('bid:place', payload);
          if (answer.ok) {
            const bid: AcceptedBid = answer.bid;
            clock.addServerTime(bid.serverTime);
            dispatch({
              type: 'bid:accepted',
              payload: {
                auctionId: bid.auctionId ?? auctionId,
                lotId: bid.lotId,
                seq: bid.seq,
                amount: bid.amount,
                bidderId: bid.bidderId,
                endsAt: bid.endsAt,
                serverTime: bid.serverTime,
              },
            });
            setBidStatus({ state: 'accepted', amount: bid.amount, serverTime: bid.serverTime, seq: bid.seq, lotId: bid.lotId });
          } else {
            const now = stateRef.current.snapshot;
            const rules = rulesOf(stateRef.current);
            const nowLot = now?.currentLot;
            const me = findManager(now, currentUserId(getSession()));
            setBidStatus({
              state: 'refused',
              amount,
              message: messageForCode(answer.error.code, {
                minBid: nowLot ? nextMinimumBid(nowLot, rules.minIncrement ?? 1) : undefined,
                maxBid: me?.maxBid,
                asset: assetWord,
              }),
            });
          }
          return;
        } catch {
          // No answer in time (slow or dropped connection): retry with the same clientBidId,
          // which the server applies at most once.
          if (!socket.connected) {
            await new Promise<void>((resolve) => {
              const done = () => {
                clearTimeout(timer);
                socket.off('connect', done);
                resolve();
              };
              const timer = setTimeout(done, BID_ACK_TIMEOUT_MS);
              socket.on('connect', done);
            });
          }
        }
      }
      if (mounted.current) {
        setBidStatus({
          state: 'unconfirmed',
          amount,
          message: 'We couldn’t confirm your bid — check the bid history before bidding again.',
        });
      }
    },
    [auctionId, clock],
  );

  /** A snapshot from an HTTP answer (e.g. pause/resume/end). */
  const applySnapshot = useCallback(
    (snapshot: AuctionSnapshot) => {
      clock.addServerTime(snapshot.serverTime);
      dispatch({ type: 'snapshot', snapshot });
    },
    [clock],
  );

  return { state, clock, connection, joinError, joinCount, announcement, bidStatus, placeBid, setRules, applySnapshot };
}
