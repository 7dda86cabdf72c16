import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Server, ServerOptions } from 'socket.io';
import { createRedisClient, type Redis } from '@auction/db';

const CONNECT_WAIT_MS = 5_000;

/** The in-memory adapter (standalone), with CORS for the configured origins. */
export class CorsIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly origins: string[],
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    return super.createIOServer(port, withCors(options, this.origins)) as Server;
  }
}

/**
 * Rooms across replicas through Redis pub/sub (cluster mode), with CORS. Unlike a plain
 * adapter, a Redis outage cannot take the process down: the adapter publishes without
 * awaiting, so a publish that fails while Redis is away is caught here instead of becoming an
 * unhandled rejection. Broadcasts resume by themselves when the clients reconnect.
 */
export class ResilientRedisIoAdapter extends IoAdapter {
  private readonly pub: Redis;
  private readonly sub: Redis;

  constructor(
    app: INestApplicationContext,
    redisUrl: string,
    private readonly origins: string[],
  ) {
    super(app);
    this.pub = createRedisClient(redisUrl, 'io-pub');
    this.sub = createRedisClient(redisUrl, 'io-sub');
    const publish = this.pub.publish.bind(this.pub) as (...args: unknown[]) => Promise<number>;
    this.pub.publish = ((...args: unknown[]) => {
      const sent = publish(...args);
      sent.catch(() => undefined);
      return sent;
    }) as Redis['publish'];
  }

  /** Waits (a few seconds at most) for both connections, so the first broadcasts are not lost. */
  async connect(): Promise<void> {
    await Promise.all([waitReady(this.pub), waitReady(this.sub)]);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, withCors(options, this.origins)) as Server;
    server.adapter(createAdapter(this.pub, this.sub, { requestsTimeout: 2000 }));
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    this.pub.disconnect();
    this.sub.disconnect();
  }
}

function withCors(options: ServerOptions | undefined, origins: string[]): ServerOptions {
  const base = (options ?? {}) as ServerOptions;
  return origins.length > 0 ? { ...base, cors: { origin: origins, credentials: true } } : base;
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
