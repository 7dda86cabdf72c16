import type { ClientToServerEvents, ServerToClientEvents } from '@auction/contracts';
import { io, type Socket } from 'socket.io-client';
import { api } from '../api/client';
import { getSession } from '../api/session';
import { createStore } from '../lib/store';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** What the user sees: "Connected", "Connecting…", "Reconnecting…", "Offline". */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export const connectionStore = createStore<ConnectionState>('connecting');

/** `connect_error` data the gateway sends when it refuses a token (not typed by the contracts). */
interface ConnectErrorData {
  code?: string;
}
const AUTH_CODES = new Set(['TOKEN_EXPIRED', 'UNAUTHORIZED', 'TOKEN_INVALID']);

let socket: AppSocket | null = null;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

function scheduleReconnect(s: AppSocket, delayMs: number): void {
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => {
    if (!s.connected && socket === s) s.connect();
  }, delayMs);
}

function create(): AppSocket {
  const s: AppSocket = io({
    path: '/socket.io',
    // The token is read at every (re)connection, so a refreshed token is used at once.
    auth: (cb) => cb({ token: getSession().accessToken ?? '' }),
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    reconnection: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
    randomizationFactor: 0.5,
    timeout: 10_000,
  });

  s.on('connect', () => connectionStore.set('connected'));
  s.on('disconnect', (reason) => {
    connectionStore.set(isOffline() ? 'offline' : 'reconnecting');
    // A server-side disconnect is not retried by the client on its own.
    if (reason === 'io server disconnect') scheduleReconnect(s, 1000);
  });
  s.io.on('reconnect_attempt', () => connectionStore.set(isOffline() ? 'offline' : 'reconnecting'));
  s.on('connect_error', (error: Error & { data?: ConnectErrorData }) => {
    const code = error.data?.code;
    if (code && AUTH_CODES.has(code)) {
      // Refused by the auth middleware: the client will not retry, so refresh and reconnect.
      connectionStore.set('reconnecting');
      api.refresh().then(
        (ok) => ok && scheduleReconnect(s, 0),
        () => scheduleReconnect(s, 3000),
      );
      return;
    }
    connectionStore.set(isOffline() ? 'offline' : 'reconnecting');
    if (!s.active) scheduleReconnect(s, 3000);
  });
  return s;
}

/** The one socket of the app, connected on first use. */
export function getSocket(): AppSocket {
  socket ??= create();
  if (socket.disconnected && !socket.active) socket.connect();
  return socket;
}

/** Close the socket (sign-out). */
export function closeSocket(): void {
  clearTimeout(retryTimer);
  socket?.removeAllListeners();
  socket?.io.removeAllListeners();
  socket?.disconnect();
  socket = null;
  connectionStore.set('connecting');
}

if (typeof window !== 'undefined') {
  window.addEventListener('offline', () => {
    if (socket) connectionStore.set('offline');
  });
  window.addEventListener('online', () => {
    if (!socket) return;
    // A brief offline report may leave the socket connected; the badge must follow the socket then.
    if (socket.connected) {
      connectionStore.set('connected');
      return;
    }
    connectionStore.set('reconnecting');
    socket.connect();
  });
}
