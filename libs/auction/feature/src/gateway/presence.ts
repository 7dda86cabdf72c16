import { rooms } from '@auction/contracts';
import { withTimeout } from '@auction/db';
import type { AuctionServer } from './socket-types.js';

const COALESCE_MS = 50;
const FETCH_TIMEOUT_MS = 2500;

/**
 * Who is online in a league lobby, counted by user (several tabs count once), across
 * replicas: `fetchSockets()` asks every replica through the Redis adapter. When Redis does
 * not answer, this replica's own sockets are the best answer it has.
 */
export class LobbyPresence {
  private readonly scheduled = new Map<string, NodeJS.Timeout>();

  constructor(private readonly server: AuctionServer) {}

  async online(leagueId: string): Promise<string[]> {
    const room = rooms.league(leagueId);
    const sockets = await withTimeout(this.server.in(room).fetchSockets(), FETCH_TIMEOUT_MS).catch(() =>
      this.server.local.in(room).fetchSockets(),
    );
    return [...new Set(sockets.map((socket) => socket.data.userId).filter(Boolean))].sort();
  }

  /** Broadcasts the lobby's presence soon; changes within a few ms are sent once. */
  changed(leagueId: string): void {
    if (this.scheduled.has(leagueId)) return;
    const timer = setTimeout(() => {
      this.scheduled.delete(leagueId);
      void this.online(leagueId).then(
        (online) => this.server.to(rooms.league(leagueId)).emit('league:presence', { leagueId, online }),
        () => undefined,
      );
    }, COALESCE_MS);
    this.scheduled.set(leagueId, timer);
  }

  stop(): void {
    for (const timer of this.scheduled.values()) clearTimeout(timer);
    this.scheduled.clear();
  }
}
