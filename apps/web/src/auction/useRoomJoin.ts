import { SEQ_GAP_GRACE_MS, type AuctionSnapshot, type ErrorBody } from '@auction/contracts';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { api } from '../api/client';
import { auctionsApi } from '../api/endpoints';
import { ApiError, isAppErrorCode } from '../api/errors';
import type { AppSocket } from '../realtime/socket';
import type { ServerClock } from './clock';
import { describeEvent } from './describeEvent';
import { auctionReducer, initialAuctionState, type SeqEvent } from './reducer';

const JOIN_TIMEOUT_MS = 8000;
const RESYNC_RETRY_MS = 2000;

const SEQ_EVENTS = [
  'lot:opened',
  'bid:accepted',
  'lot:sold',
  'lot:unsold',
  'auction:live',
  'auction:paused',
  'auction:resumed',
  'auction:completed',
  'nomination:turn',
  'lot:undone',
  'lot:reassigned',
] as const;

function errorFromAck(error: ErrorBody | undefined): ApiError {
  const code = isAppErrorCode(error?.code) ? error.code : 'UNKNOWN';
  return new ApiError(code, 0);
}

/** A first snapshot over HTTP paints the room even before the socket is up. */
function useFirstSnapshot(auctionId: string, onSnapshot: (snapshot: AuctionSnapshot) => void, onError: (error: ApiError) => void) {
  useEffect(() => {
    const controller = new AbortController();
    auctionsApi.get(auctionId).then(
      (snapshot) => {
        if (!controller.signal.aborted) onSnapshot(snapshot);
      },
      (error: unknown) => {
        if (!controller.signal.aborted && error instanceof ApiError && error.status >= 400 && error.status < 500) onError(error);
      },
    );
    return () => controller.abort();
  }, [auctionId, onSnapshot, onError]);
}

/**
 * Membership of the auction's room: joins on every connection (refreshing an expired token
 * first), keeps the snapshot current from seq-ordered events, and re-joins for a fresh snapshot
 * whenever a seq is missing.
 */
export function useRoomJoin(auctionId: string, socket: AppSocket | null, clock: ServerClock) {
  const [state, dispatch] = useReducer(auctionReducer, initialAuctionState);
  const [joinError, setJoinError] = useState<ApiError | null>(null);
  const [joinCount, setJoinCount] = useState(0);
  const [announcement, setAnnouncement] = useState({ text: '', id: 0 });
  const stateRef = useRef(state);
  stateRef.current = state;
  const joinRef = useRef<() => void>(() => undefined);

  const announce = useCallback((text: string) => setAnnouncement((a) => ({ text, id: a.id + 1 })), []);
  const applySnapshot = useCallback(
    (snapshot: AuctionSnapshot) => {
      clock.addServerTime(snapshot.serverTime);
      dispatch({ type: 'snapshot', snapshot });
    },
    [clock],
  );
  useFirstSnapshot(auctionId, applySnapshot, setJoinError);

  useEffect(() => {
    if (!socket) return;
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
              applySnapshot(answer.snapshot);
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

    const onSnapshot = (snapshot: AuctionSnapshot) => {
      if (snapshot.id === auctionId) applySnapshot(snapshot);
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

    socket.on('connect', join);
    socket.on('auction:snapshot', onSnapshot);
    join();
    return () => {
      disposed = true;
      socket.off('connect', join);
      socket.off('auction:snapshot', onSnapshot);
      for (const [type, handler] of handlers) socket.off(type, handler as never);
    };
  }, [auctionId, socket, clock, announce, applySnapshot]);

  // A gap in seq: the missing events usually arrive within SEQ_GAP_GRACE_MS (they came by another
  // replica), and the reducer fills the hole and drops the request; if not, ask for a fresh
  // snapshot, and again every few seconds until it comes.
  useEffect(() => {
    if (!state.needsResync) return;
    let retry: ReturnType<typeof setInterval> | undefined;
    const grace = setTimeout(() => {
      joinRef.current();
      retry = setInterval(() => joinRef.current(), RESYNC_RETRY_MS);
    }, SEQ_GAP_GRACE_MS);
    return () => {
      clearTimeout(grace);
      clearInterval(retry);
    };
  }, [state.needsResync, state.resyncRequests]);

  return { state, stateRef, dispatch, joinError, joinCount, announcement, applySnapshot };
}
