import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';
import { RedisIoAdapter } from '@auction/realtime';

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

/** The Redis adapter (cluster: rooms span replicas), with CORS for the configured origins. */
export class CorsRedisIoAdapter extends RedisIoAdapter {
  constructor(
    app: INestApplicationContext,
    redisUrl: string,
    private readonly origins: string[],
  ) {
    super(app, redisUrl);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    return super.createIOServer(port, withCors(options, this.origins));
  }
}

function withCors(options: ServerOptions | undefined, origins: string[]): ServerOptions {
  const base = (options ?? {}) as ServerOptions;
  return origins.length > 0 ? { ...base, cors: { origin: origins, credentials: true } } : base;
}
