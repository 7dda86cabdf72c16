import { Inject, Injectable } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import type { Server } from 'socket.io';
import type { ServerToClientEvents } from '@auction/contracts';
import type { AppConfig } from '@auction/config';
import type { Redis } from '@auction/db';
import { counter } from '@auction/observability';
import { APP_CONFIG, REDIS } from '@auction/platform';

export type RealtimeServer = Server<Record<string, never>, ServerToClientEvents>;
type EventName = keyof ServerToClientEvents;
type Payload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

const broadcasts = counter('realtime_broadcasts_total', 'Events broadcast to rooms', ['event']);
const failedPublishes = counter('realtime_publish_failures_total', 'Emitter messages Redis did not take');

/**
 * Pushes events to Socket.IO rooms from any service: through this process's own server
 * when it hosts the gateway (its Redis adapter reaches every replica), otherwise through
 * the Redis emitter.
 */
@Injectable()
export class RealtimePublisher {
  private server: RealtimeServer | null = null;
  private readonly emitter: Emitter<ServerToClientEvents> | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(REDIS) redis: Redis | null) {
    this.emitter = config.mode === 'cluster' && redis ? new Emitter<ServerToClientEvents>(safePublisher(redis)) : null;
  }

  attachServer(server: RealtimeServer): void {
    this.server = server;
  }

  emit<E extends EventName>(room: string, event: E, payload: Payload<E>): void {
    broadcasts.inc({ event });
    const target = this.server ?? this.emitter;
    // The Emitter's and Server's emit signatures differ only in their generic plumbing.
    (target?.to(room) as unknown as { emit(e: E, p: Payload<E>): void } | undefined)?.emit(event, payload);
  }
}

/**
 * The emitter fires `publish` without awaiting it; during a Redis outage that rejection would
 * be unhandled and stop the process. Broadcasts are best effort: clients resync on rejoin.
 */
function safePublisher(redis: Redis): Pick<Redis, 'publish'> {
  return {
    publish: ((channel: string, message: string) =>
      redis.publish(channel, message).catch(() => {
        failedPublishes.inc();
        return 0;
      })) as Redis['publish'],
  };
}
