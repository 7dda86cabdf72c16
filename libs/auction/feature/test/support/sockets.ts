import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@auction/contracts';
import { waitFor } from '@auction/testing';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io-client connected with the user's access token (websocket transport). */
export function connectSocket(url: string, token: string, options: { autoConnect?: boolean } = {}): Promise<ClientSocket> {
  const socket: ClientSocket = io(url, {
    path: '/socket.io',
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    autoConnect: options.autoConnect ?? true,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** The next payload of a server event matching `matches`. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
  matches: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  type P = Parameters<ServerToClientEvents[E]>[0];
  return waitFor<P>(
    (listener) => {
      const handler = listener as never;
      socket.on(event, handler);
      return () => socket.off(event, handler);
    },
    matches,
    timeoutMs,
    event,
  );
}

/** Joins the auction room and returns the snapshot from the ack. */
export async function joinAuction(socket: ClientSocket, auctionId: string) {
  const answer = await socket.timeout(5000).emitWithAck('auction:join', { auctionId });
  if (!answer.ok) throw new Error(`auction:join refused: ${answer.error.code}`);
  return answer.snapshot;
}
