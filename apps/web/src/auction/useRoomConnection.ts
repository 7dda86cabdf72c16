import { useEffect, useState, useSyncExternalStore } from 'react';
import { connectionStore, getSocket, type AppSocket } from '../realtime/socket';
import { syncClock } from '../realtime/timeSync';
import type { ServerClock } from './clock';

const CLOCK_RESYNC_MS = 30_000;

/**
 * The app's socket while the room is open, its connection state, and the server clock kept in
 * step with it: measured afresh on every (re)connection and checked again every 30 s.
 */
export function useRoomConnection(auctionId: string, clock: ServerClock) {
  const connection = useSyncExternalStore(connectionStore.subscribe, connectionStore.get);
  const [socket, setSocket] = useState<AppSocket | null>(null);

  useEffect(() => {
    const current = getSocket();
    setSocket(current);
    const onConnect = () => {
      clock.resetOneWay();
      void syncClock(current, clock);
    };
    current.on('connect', onConnect);
    if (current.connected) onConnect();
    const clockTimer = setInterval(() => {
      if (current.connected) void syncClock(current, clock, 2);
    }, CLOCK_RESYNC_MS);
    return () => {
      clearInterval(clockTimer);
      current.off('connect', onConnect);
    };
  }, [auctionId, clock]);

  return { socket, connection };
}
