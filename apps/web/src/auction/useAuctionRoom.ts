import { useState } from 'react';
import { ServerClock } from './clock';
import { useRoomBid } from './useRoomBid';
import { useRoomConnection } from './useRoomConnection';
import { useRoomJoin } from './useRoomJoin';

export type { BidStatus } from './useRoomBid';

/**
 * Everything the auction room needs: the connection and the server clock, the room's snapshot
 * kept current by seq-ordered events, and `placeBid`.
 */
export function useAuctionRoom(auctionId: string) {
  const [clock] = useState(() => new ServerClock());
  const { socket, connection } = useRoomConnection(auctionId, clock);
  const room = useRoomJoin(auctionId, socket, clock);
  const { bidStatus, placeBid } = useRoomBid(auctionId, socket, clock, room);
  const { state, joinError, joinCount, announcement, applySnapshot } = room;
  return { state, clock, connection, joinError, joinCount, announcement, bidStatus, placeBid, applySnapshot };
}
