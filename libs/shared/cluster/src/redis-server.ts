import { freePort } from '@auction/db';
import { accepts, spawnManaged, waitUntil, type ManagedProcess } from './processes.js';

export interface RedisServerHandle {
  port: number;
  url: string;
  process(): ManagedProcess;
  /** Stops the server (SIGTERM; nothing is saved). */
  stop(): Promise<void>;
  /** Kills the server at once, as a crash would. */
  kill(): Promise<void>;
  /** Stops it if running and starts it again, empty, on the same port. */
  restart(): Promise<void>;
  /** SIGSTOP: the port stays open but nothing answers, like a hung server. */
  freeze(): void;
  thaw(): void;
}

/**
 * A throw-away `redis-server` on its own port, without persistence: for tests that stop or
 * restart Redis in the middle of an auction.
 */
export async function startRedisServer(options: { port?: number; timeoutMs?: number } = {}): Promise<RedisServerHandle> {
  const port = options.port ?? (await freePort());
  const timeoutMs = options.timeoutMs ?? 15_000;
  let current: ManagedProcess;

  const launch = async () => {
    current = spawnManaged(`redis-server:${port}`, 'redis-server', [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--save',
      '',
      '--appendonly',
      'no',
    ]);
    await waitUntil(async () => /Ready to accept connections/i.test(current.output()) && accepts(port), {
      timeoutMs,
      process: current,
      what: `redis-server on port ${port}`,
    });
  };
  await launch();

  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    process: () => current,
    stop: async () => {
      await current.stop('SIGTERM', 5000);
    },
    kill: async () => {
      await current.stop('SIGKILL');
    },
    restart: async () => {
      await current.stop('SIGTERM', 5000);
      await launch();
    },
    freeze: () => {
      current.child.kill('SIGSTOP');
    },
    thaw: () => {
      current.child.kill('SIGCONT');
    },
  };
}
