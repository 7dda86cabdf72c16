import type { AcceptedBid } from '@auction/contracts';
import { useCallback, useEffect, useRef, useState, type Dispatch, type RefObject } from 'react';
import { messageForCode } from '../api/errors';
import { currentUserId, getSession } from '../api/session';
import { newId } from '../lib/id';
import type { AppSocket } from '../realtime/socket';
import { findManager, nextMinimumBid } from './bidRules';
import type { ServerClock } from './clock';
import type { AuctionAction, AuctionState } from './reducer';

export type BidStatus =
  | { state: 'idle' }
  | { state: 'sending'; amount: number; attempt: number }
  | { state: 'accepted'; amount: number; serverTime: string; seq: number; lotId: string }
  | { state: 'refused'; amount: number; message: string }
  | { state: 'unconfirmed'; amount: number; message: string };

const BID_ACK_TIMEOUT_MS = 4000;
const BID_RETRY_WINDOW_MS = 30_000;

/** Resolves at the next connection, or after one ack timeout if none comes. */
function reconnected(socket: AppSocket): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      socket.off('connect', done);
      resolve();
    };
    const timer = setTimeout(done, BID_ACK_TIMEOUT_MS);
    socket.on('connect', done);
  });
}

/** The refusal in words, with the amounts as they stand now. */
function refusalMessage(state: AuctionState, code: string, assetWord: string): string {
  const snapshot = state.snapshot;
  const lot = snapshot?.currentLot;
  const me = findManager(snapshot, currentUserId(getSession()));
  return messageForCode(code, {
    minBid: snapshot && lot ? nextMinimumBid(lot, snapshot.settings) : undefined,
    maxBid: me?.maxBid,
    asset: assetWord,
  });
}

/** The room's state as `useRoomJoin` keeps it. */
interface JoinedRoom {
  state: AuctionState;
  stateRef: RefObject<AuctionState>;
  dispatch: Dispatch<AuctionAction>;
}

/**
 * `placeBid` with retries under one `clientBidId` (the server applies it at most once) and the
 * status of the latest bid, reset when the lot changes.
 */
export function useRoomBid(auctionId: string, socket: AppSocket | null, clock: ServerClock, room: JoinedRoom) {
  const { stateRef, dispatch } = room;
  const [bidStatus, setBidStatus] = useState<BidStatus>({ state: 'idle' });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const currentLotId = room.state.snapshot?.currentLot?.id ?? null;
  useEffect(() => {
    setBidStatus((status) => (status.state === 'sending' ? status : { state: 'idle' }));
  }, [currentLotId]);

  const placeBid = useCallback(
    /** `lotId` is the lot on screen when the bid was pressed: a bid is never moved to a lot that opened since. */
    async (amount: number, lotId: string, assetWord: string) => {
      const lot = stateRef.current.snapshot?.currentLot;
      if (!socket || !lot || lot.id !== lotId) return;
      const payload = { auctionId, lotId, amount, clientBidId: newId() };
      const started = Date.now();
      for (let attempt = 1; Date.now() - started < BID_RETRY_WINDOW_MS; attempt++) {
        if (!mounted.current) return;
        setBidStatus({ state: 'sending', amount, attempt });
        try {
          const answer = await socket.timeout(BID_ACK_TIMEOUT_MS).emitWithAck('bid:place', payload);
          if (answer.ok) {
            const bid: AcceptedBid = answer.bid;
            clock.addServerTime(bid.serverTime);
            const { lotId: bidLotId, seq, amount: bidAmount, bidderId, endsAt, serverTime } = bid;
            dispatch({
              type: 'bid:accepted',
              payload: { auctionId: bid.auctionId ?? auctionId, lotId: bidLotId, seq, amount: bidAmount, bidderId, endsAt, serverTime },
            });
            setBidStatus({ state: 'accepted', amount: bidAmount, serverTime, seq, lotId: bidLotId });
          } else {
            setBidStatus({ state: 'refused', amount, message: refusalMessage(stateRef.current, answer.error.code, assetWord) });
          }
          return;
        } catch {
          // No answer in time (slow or dropped connection): retry with the same clientBidId.
          if (!socket.connected) await reconnected(socket);
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
    [auctionId, socket, clock, stateRef, dispatch],
  );

  return { bidStatus, placeBid };
}
