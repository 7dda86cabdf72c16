import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@auction/contracts';

export interface SocketData {
  userId: string;
  displayName: string;
  /** Epoch ms when the access token the socket connected with expires. */
  tokenExpiresAt: number;
  /** League lobbies this socket joined (for presence when it leaves). */
  leagues: string[];
}

/** What the engine's replicas tell each other (Server.serverSideEmit): unchecked until parsed, as it comes over Redis. */
export interface ReplicaEvents {
  'bid:written': (bid: unknown) => void;
}

export type AuctionServer = Server<ClientToServerEvents, ServerToClientEvents, ReplicaEvents, SocketData>;
export type AuctionSocket = Socket<ClientToServerEvents, ServerToClientEvents, ReplicaEvents, SocketData>;
