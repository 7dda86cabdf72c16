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

export type AuctionServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type AuctionSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
