import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import type { Server } from 'socket.io';
import type { ServerToClientEvents } from '@auction/contracts';
import type { AppConfig } from '@auction/config';
import { createRedisClient, type Redis } from '@auction/db';
import { counter } from '@auction/observability';
import { APP_CONFIG } from '@auction/platform';
import { tolerateFailedPublishes } from './tolerant-publish.js';

export type RealtimeServer = Server<Record<string, never>, ServerToClientEvents>;
type EventName = keyof ServerToClientEvents;
type Payload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

const broadcasts = counter('realtime_broadcasts_total', 'Events broadcast to rooms', ['event']);

/**
 * Pushes events to Socket.IO rooms from any service: through this process's own server
 * when it hosts the gateway (its Redis adapter reaches every replica), otherwise through
 * the Redis emitter.
 */
@Injectable()
export class RealtimePublisher implements OnApplicationShutdown {
  private server: RealtimeServer | null = null;
  /** Whether this process's replicas share rooms through Redis (and so can hear each other). */
  private readonly clustered: boolean;
  private readonly emitterClient: Redis | null;
  private readonly emitter: Emitter<ServerToClientEvents> | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.clustered = config.mode === 'cluster' && Boolean(config.redisUrl);
    this.emitterClient =
      config.mode === 'cluster' && config.redisUrl
        ? tolerateFailedPublishes(createRedisClient(config.redisUrl, `${config.service}-emitter`))
        : null;
    this.emitter = this.emitterClient ? new Emitter<ServerToClientEvents>(this.emitterClient) : null;
  }

  onApplicationShutdown(): void {
    this.emitterClient?.disconnect();
  }

  attachServer(server: RealtimeServer): void {
    this.server = server;
  }

  /**
   * Tells the other replicas of this process's service (through the Redis adapter; none in
   * standalone mode); they hear it with `server.on(event)`. At most once: lost if Redis is down.
   */
  toOtherReplicas(event: string, payload: object): void {
    if (this.clustered) (this.server as Server | null)?.serverSideEmit(event, payload);
  }

  emit<E extends EventName>(room: string, event: E, payload: Payload<E>): void {
    broadcasts.inc({ event });
    const target = this.server ?? this.emitter;
    // The Emitter's and Server's emit signatures differ only in their generic plumbing.
    (target?.to(room) as unknown as { emit(e: E, p: Payload<E>): void } | undefined)?.emit(event, payload);
  }
}
