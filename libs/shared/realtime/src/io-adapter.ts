import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Server, ServerOptions } from 'socket.io';
import { createRedisClient, type Redis } from '@auction/db';
import { tolerateFailedPublishes } from './tolerant-publish.js';

const CONNECT_WAIT_MS = 5_000;
/** A phone in a dead spot shows "Reconnecting…" within ~15 s instead of Socket.IO's default ~45 s. */
const HEARTBEAT = { pingInterval: 10_000, pingTimeout: 5_000 };

/**
 * The gateway's Socket.IO server: CORS for the configured origins, a short heartbeat and, given a
 * Redis URL, rooms that span replicas through Redis pub/sub. A Redis outage cannot take the
 * process down (see tolerateFailedPublishes).
 */
export class RealtimeIoAdapter extends IoAdapter {
  private readonly redis: { pub: Redis; sub: Redis } | null;

  constructor(
    app: INestApplicationContext,
    private readonly options: { redisUrl?: string; corsOrigins: string[] },
  ) {
    super(app);
    this.redis = options.redisUrl
      ? {
          pub: tolerateFailedPublishes(createRedisClient(options.redisUrl, 'io-pub')),
          sub: createRedisClient(options.redisUrl, 'io-sub'),
        }
      : null;
  }

  /** Waits (a few seconds at most) for both Redis connections, so the first broadcasts are not lost. */
  async connect(): Promise<void> {
    if (this.redis) await Promise.all([waitReady(this.redis.pub), waitReady(this.redis.sub)]);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const origins = this.options.corsOrigins;
    const server = super.createIOServer(port, {
      ...options,
      ...HEARTBEAT,
      ...(origins.length > 0 ? { cors: { origin: origins, credentials: true } } : {}),
    } as ServerOptions) as Server;
    if (this.redis) server.adapter(createAdapter(this.redis.pub, this.redis.sub, { requestsTimeout: 2000 }));
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    this.redis?.pub.disconnect();
    this.redis?.sub.disconnect();
  }
}

function waitReady(client: Redis): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, CONNECT_WAIT_MS);
    client.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
