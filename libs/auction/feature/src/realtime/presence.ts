import { rooms } from '@auction/contracts';
import { withTimeout } from '@auction/db';
import type { AuctionServer } from './socket-types.js';

const COALESCE_MS = 50;
const REFRESH_MS = 15_000;
const FETCH_TIMEOUT_MS = 2500;

/**
 * Who is online in a league lobby, counted by user (several tabs count once), across
 * replicas: `fetchSockets()` asks every replica through the Redis adapter. When Redis does
 * not answer, this replica's own sockets are the best answer it has.
 */
export class LobbyPresence {
  private readonly scheduled = new Map<string, NodeJS.Timeout>();
  /** What this replica last told each lobby it hosts. */
  private readonly lastSent = new Map<string, string>();
  private readonly refresher: NodeJS.Timeout;

  constructor(private readonly server: AuctionServer) {
    // Sockets of a replica that died (kill -9) leave no disconnect behind: look again now and then.
    this.refresher = setInterval(() => this.refreshHostedLobbies(), REFRESH_MS);
    this.refresher.unref();
  }

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
      void this.send(leagueId, true);
    }, COALESCE_MS);
    this.scheduled.set(leagueId, timer);
  }

  stop(): void {
    clearInterval(this.refresher);
    for (const timer of this.scheduled.values()) clearTimeout(timer);
    this.scheduled.clear();
  }

  private async send(leagueId: string, always: boolean): Promise<void> {
    try {
      const online = await this.online(leagueId);
      const key = online.join(',');
      if (!always && this.lastSent.get(leagueId) === key) return;
      this.lastSent.set(leagueId, key);
      this.server.to(rooms.league(leagueId)).emit('league:presence', { leagueId, online });
    } catch {
      // the next change or refresh sends it
    }
  }

  private refreshHostedLobbies(): void {
    const hosted = new Set<string>();
    for (const room of this.server.of('/').adapter.rooms.keys()) {
      if (room.startsWith('league:')) hosted.add(room.slice('league:'.length));
    }
    for (const leagueId of this.lastSent.keys()) if (!hosted.has(leagueId)) this.lastSent.delete(leagueId);
    for (const leagueId of hosted) void this.send(leagueId, false);
  }
}
