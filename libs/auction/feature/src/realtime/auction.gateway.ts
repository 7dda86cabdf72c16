import { Inject, type OnApplicationShutdown } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayConnection, type OnGatewayDisconnect, type OnGatewayInit } from '@nestjs/websockets';
import { z } from 'zod';
import { DomainError, rooms, socketNomination, socketPlaceBid, type ErrorBody } from '@auction/contracts';
import type { AppConfig } from '@auction/config';
import type { Redis } from '@auction/db';
import { verifyAccessToken } from '@auction/auth-guard';
import type { Logger } from '@auction/observability';
import { APP_CONFIG, Drain, LOGGER, REDIS, unavailableDependency } from '@auction/platform';
import { RateLimits, type Limiter } from '@auction/rate-limit';
import { EventBus, RealtimePublisher, type RealtimeServer } from '@auction/realtime';
import { socketsConnected } from '../metrics.js';
import { auctionIdOf } from '../model/auction-id.js';
import { AuctionMembershipQuery } from '../queries/auction-membership/auction-membership.query.js';
import { AuctionSnapshotQuery } from '../queries/auction-snapshot/auction-snapshot.query.js';
import { LeagueMembershipQuery } from '../queries/league-membership/league-membership.query.js';
import { RoomSnapshotQuery } from '../queries/room-snapshot/room-snapshot.query.js';
import { NominateUseCase } from '../use-cases/nominate/nominate.use-case.js';
import { PlaceBidUseCase } from '../use-cases/place-bid/place-bid.use-case.js';
import { BID_WRITTEN } from './auction-broadcaster.js';
import { LobbyPresence } from './presence.js';
import type { AuctionServer, AuctionSocket } from './socket-types.js';

const leaguePayload = z.strictObject({ leagueId: z.uuid() });
const auctionPayload = z.strictObject({ auctionId: z.uuid() });
const timePayload = z.object({ clientTime: z.number().finite() });
const writtenBid = z.object({
  auctionId: z.uuid(),
  lotId: z.uuid(),
  bidderId: z.uuid(),
  seq: z.number().int(),
  amount: z.number().int(),
  endsAt: z.iso.datetime(),
});
/** After Redis comes back, local rooms get a fresh snapshot (twice: the adapter's clients reconnect on their own). */
const RESYNC_DELAYS_MS = [500, 2500];
/** Room joins per socket: plenty for a client that resyncs on every gap, useless for probing rooms. */
export const SOCKET_JOIN_RATE = { name: 'socket-joins', points: 20, durationSeconds: 10 };

type Answer = { ok: true } & object;
type Failure = { ok: false; error: ErrorBody };

/**
 * The Socket.IO edge (SPEC §5): token handshake, lobby presence, auction rooms and bids. Room
 * broadcasts go through RealtimePublisher, which this gateway attaches its server to, so
 * they reach every replica through the Redis adapter.
 */
@WebSocketGateway({ path: '/socket.io' })
export class AuctionGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnApplicationShutdown {
  private server!: AuctionServer;
  private presence!: LobbyPresence;
  private readonly resyncTimers = new Set<NodeJS.Timeout>();
  /** Per socket: ends the connection when its access token expires. */
  private readonly expiryTimers = new Map<string, NodeJS.Timeout>();
  private redisLost = false;
  private readonly joins: Limiter;

  constructor(
    private readonly publisher: RealtimePublisher,
    private readonly auctionMembership: AuctionMembershipQuery,
    private readonly leagueMembership: LeagueMembershipQuery,
    private readonly auctionSnapshot: AuctionSnapshotQuery,
    private readonly roomSnapshot: RoomSnapshotQuery,
    private readonly placeBid: PlaceBidUseCase,
    private readonly nominateLot: NominateUseCase,
    private readonly bus: EventBus,
    private readonly drain: Drain,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(REDIS) private readonly redis: Redis | null,
    rateLimits: RateLimits,
  ) {
    this.joins = rateLimits.limiter(SOCKET_JOIN_RATE);
  }

  afterInit(server: AuctionServer): void {
    this.server = server;
    this.presence = new LobbyPresence(server);
    this.publisher.attachServer(server as unknown as RealtimeServer);
    server.use((socket, next) => {
      const auth = socket.handshake.auth as { token?: unknown } | undefined;
      try {
        const { user, expiresAt } = verifyAccessToken(this.config.jwtSecret, typeof auth?.token === 'string' ? auth.token : '');
        socket.data = { userId: user.id, displayName: user.displayName, tokenExpiresAt: expiresAt.getTime(), leagues: [] };
        next();
      } catch (error) {
        const refusal = error instanceof DomainError ? error : new DomainError('UNAUTHORIZED', 'Sign in to continue.');
        next(Object.assign(new Error(refusal.message), { data: { code: refusal.code } }));
      }
    });
    this.watchRedis();
    server.on(BID_WRITTEN, (payload) => this.writtenElsewhere(payload));
    this.bus.subscribe('league.member_removed', 'auction-engine', async ({ leagueId, userId }) => this.evict(leagueId, userId));
    this.drain.onDrained(() => this.closeLocalSockets());
  }

  /**
   * Shutdown: close this replica's connections (not `disconnectSockets`, which would reach every
   * replica through the adapter and tell clients not to reconnect). Clients see a transport
   * close, reconnect through the load balancer to another replica and re-join with a snapshot.
   */
  private closeLocalSockets(): void {
    for (const socket of this.server.sockets.sockets.values()) socket.conn.close();
  }

  /** A bid another replica wrote; anything else on that channel is not ours to act on. */
  private writtenElsewhere(payload: unknown): void {
    const written = writtenBid.safeParse(payload);
    if (written.success) this.placeBid.writtenElsewhere(written.data);
  }

  handleConnection(socket: AuctionSocket): void {
    socketsConnected.inc();
    // Other services may address a person directly (rooms.user), on every tab and replica.
    void socket.join(rooms.user(socket.data.userId));
    this.endAtTokenExpiry(socket);
    socket.on('league:join', (payload, ack) => this.answer(ack, () => this.joinLeague(socket, payload)));
    socket.on('league:leave', (payload, ack) => this.answer(ack, () => this.leaveLeague(socket, payload)));
    socket.on('auction:join', (payload, ack) => this.answer(ack, () => this.joinAuction(socket, payload)));
    socket.on('bid:place', (payload, ack) =>
      this.answer(ack, async () => {
        const bid = socketPlaceBid.parse(payload);
        return { ok: true as const, bid: await this.placeBid.execute({ ...bid, bidderId: socket.data.userId }) };
      }),
    );
    socket.on('lot:nominate', (payload, ack) =>
      this.answer(ack, async () => {
        const { auctionId, ...nomination } = socketNomination.parse(payload);
        return { ok: true as const, ...(await this.nominateLot.execute({ ...nomination, auctionId, nominatorId: socket.data.userId })) };
      }),
    );
    socket.on('time:sync', (payload, ack) => {
      const parsed = timePayload.safeParse(payload);
      if (typeof ack === 'function') ack({ serverTime: Date.now(), clientTime: parsed.success ? parsed.data.clientTime : 0 });
    });
  }

  handleDisconnect(socket: AuctionSocket): void {
    socketsConnected.dec();
    clearTimeout(this.expiryTimers.get(socket.id));
    this.expiryTimers.delete(socket.id);
    for (const leagueId of socket.data?.leagues ?? []) this.presence.changed(leagueId);
  }

  onApplicationShutdown(): void {
    this.presence?.stop();
    for (const timer of this.resyncTimers) clearTimeout(timer);
    for (const timer of this.expiryTimers.values()) clearTimeout(timer);
  }

  /**
   * A socket's rights last as long as its token: then the server disconnects it, and the client
   * reconnects with a refreshed token (the handshake refuses the old one with TOKEN_EXPIRED).
   */
  private endAtTokenExpiry(socket: AuctionSocket): void {
    const timer = setTimeout(
      () => {
        this.expiryTimers.delete(socket.id);
        socket.disconnect(true);
      },
      Math.max(0, socket.data.tokenExpiresAt - Date.now()),
    );
    timer.unref();
    this.expiryTimers.set(socket.id, timer);
  }

  /** Every join is judged on the token's rights now, not at the handshake. */
  private async admitJoin(socket: AuctionSocket): Promise<void> {
    if (Date.now() >= socket.data.tokenExpiresAt) throw new DomainError('TOKEN_EXPIRED', 'Your session has expired.');
    await this.joins.consume(socket.id);
  }

  /** A removed member's sockets leave the league's rooms on every replica (the Redis adapter relays it). */
  private evict(leagueId: string, userId: string): void {
    this.server.in(rooms.user(userId)).socketsLeave([rooms.league(leagueId), rooms.auction(auctionIdOf(leagueId))]);
    this.presence.changed(leagueId);
  }

  private async joinLeague(socket: AuctionSocket, payload: unknown) {
    const { leagueId } = leaguePayload.parse(payload);
    await this.admitJoin(socket);
    if (!(await this.leagueMembership.execute({ leagueId, userId: socket.data.userId }))) {
      throw new DomainError('NOT_A_MEMBER', 'You are not a member of this league.');
    }
    await socket.join(rooms.league(leagueId));
    if (!socket.data.leagues.includes(leagueId)) socket.data.leagues.push(leagueId);
    const online = await this.presence.online(leagueId);
    this.presence.changed(leagueId);
    return { ok: true as const, online };
  }

  private async leaveLeague(socket: AuctionSocket, payload: unknown) {
    const { leagueId } = leaguePayload.parse(payload);
    await socket.leave(rooms.league(leagueId));
    socket.data.leagues = socket.data.leagues.filter((id) => id !== leagueId);
    this.presence.changed(leagueId);
    return { ok: true as const };
  }

  /**
   * Membership is checked before the socket enters the room (never after: events would reach an
   * outsider in between). The room is joined before the snapshot is read, so no event falls
   * between the two.
   */
  private async joinAuction(socket: AuctionSocket, payload: unknown) {
    const { auctionId } = auctionPayload.parse(payload);
    await this.admitJoin(socket);
    await this.auctionMembership.execute({ auctionId, userId: socket.data.userId });
    const room = rooms.auction(auctionId);
    const wasIn = socket.rooms.has(room);
    await socket.join(room);
    try {
      const snapshot = await this.auctionSnapshot.execute({ auctionId, userId: socket.data.userId });
      // SPEC §5: the snapshot comes as an event on join too, for clients that listen rather than ack.
      socket.emit('auction:snapshot', snapshot);
      return { ok: true as const, snapshot };
    } catch (error) {
      if (!wasIn) await socket.leave(room);
      throw error;
    }
  }

  private answer(ack: unknown, work: () => Promise<Answer>): void {
    const reply = typeof ack === 'function' ? (ack as (answer: Answer | Failure) => void) : () => undefined;
    work().then(reply, (error: unknown) => reply({ ok: false, error: this.errorBody(error) }));
  }

  private errorBody(error: unknown): ErrorBody {
    if (error instanceof DomainError) return { code: error.code, message: error.message };
    if (error instanceof z.ZodError) return { code: 'VALIDATION_FAILED', message: 'The request is not valid.' };
    const unavailable = unavailableDependency(error);
    this.logger.error({ err: error }, unavailable ? 'database unavailable' : 'unexpected socket error');
    if (unavailable) return { code: unavailable.code, message: unavailable.message };
    return { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' };
  }

  /** Events sent while Redis was away may not have reached other replicas' sockets: resync local rooms when it returns. */
  private watchRedis(): void {
    if (!this.redis) return;
    this.redis.on('close', () => {
      this.redisLost = true;
    });
    this.redis.on('ready', () => {
      if (!this.redisLost) return;
      this.redisLost = false;
      for (const delay of RESYNC_DELAYS_MS) {
        const timer = setTimeout(() => {
          this.resyncTimers.delete(timer);
          void this.resyncLocalRooms();
        }, delay);
        this.resyncTimers.add(timer);
      }
    });
  }

  private async resyncLocalRooms(): Promise<void> {
    for (const room of this.server.of('/').adapter.rooms.keys()) {
      try {
        if (room.startsWith('auction:')) {
          const snapshot = await this.roomSnapshot.execute({ auctionId: room.slice('auction:'.length) });
          if (snapshot) this.server.local.to(room).emit('auction:snapshot', snapshot);
        } else if (room.startsWith('league:')) {
          this.presence.changed(room.slice('league:'.length));
        }
      } catch (error) {
        this.logger.warn({ room, err: (error as Error).message }, 'resync after Redis outage failed');
      }
    }
  }
}
