import type { Agent } from 'node:http';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@auction/contracts';
import { waitFor } from '@auction/testing';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io-client connected with the user's access token (websocket transport). */
export function connectSocket(
  url: string,
  token: string,
  options: { localAddress?: string; timeoutMs?: number; agent?: Agent | null } = {},
): Promise<ClientSocket> {
  const socket: ClientSocket = io(url, {
    path: '/socket.io',
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: options.timeoutMs ?? 20_000,
    // Node only: the source address of the WebSocket (nginx's ip_hash spreads 127.x.y.* clients by x.y).
    ...(options.localAddress ? { localAddress: options.localAddress } : {}),
    // Node only: what opens the WebSocket's TCP connection (the load harness's network namespace).
    ...(options.agent ? { agent: options.agent } : {}),
  } as Parameters<typeof io>[1]);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** The sockets a test file opens, closed after each test (`afterEach(() => sockets.closeAll())`). */
export class OpenSockets {
  private sockets: ClientSocket[] = [];

  async connect(url: string, token: string): Promise<ClientSocket> {
    return this.track(await connectSocket(url, token));
  }

  track(socket: ClientSocket): ClientSocket {
    this.sockets.push(socket);
    return socket;
  }

  closeAll(): void {
    for (const socket of this.sockets) socket.close();
    this.sockets = [];
  }
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

/**
 * What a client keeps of an auction room: the latest seq it knows, from events and snapshots,
 * re-joining (fresh snapshot) when it sees a gap, as the web client does.
 */
export class RoomClient {
  seq = 0;
  readonly sold = new Map<string, number>();
  private joining: Promise<void> | null = null;

  constructor(
    readonly socket: ClientSocket,
    readonly auctionId: string,
  ) {
    const onSeq = (payload: { auctionId: string; seq: number }) => {
      if (payload.auctionId !== this.auctionId) return;
      if (payload.seq === this.seq + 1) this.seq = payload.seq;
      else if (payload.seq > this.seq) void this.resync();
    };
    for (const event of [
      'lot:opened',
      'bid:accepted',
      'lot:unsold',
      'auction:paused',
      'auction:resumed',
      'auction:completed',
      'nomination:turn',
    ] as const) {
      socket.on(event, onSeq as never);
    }
    socket.on('lot:sold', (payload) => {
      if (payload.auctionId === this.auctionId) this.sold.set(payload.lotId, (this.sold.get(payload.lotId) ?? 0) + 1);
      onSeq(payload);
    });
    socket.on('auction:snapshot', (snapshot) => {
      if (snapshot.id === this.auctionId && snapshot.seq > this.seq) this.seq = snapshot.seq;
    });
  }

  async join(): Promise<void> {
    const snapshot = await joinAuction(this.socket, this.auctionId);
    if (snapshot.seq > this.seq) this.seq = snapshot.seq;
  }

  resync(): Promise<void> {
    this.joining ??= this.join()
      .catch(() => undefined)
      .finally(() => {
        this.joining = null;
      });
    return this.joining;
  }
}
