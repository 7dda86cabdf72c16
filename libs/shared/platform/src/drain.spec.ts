import { createServer, type Server } from 'node:http';
import type { HttpAdapterHost } from '@nestjs/core';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '@auction/contracts';
import { createLogger } from '@auction/observability';
import { Drain } from './drain.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('Drain: graceful shutdown on SIGTERM', () => {
  let server: Server;

  afterEach(() => {
    if (server.listening) server.close();
  });

  async function drainOnListeningServer(): Promise<Drain> {
    server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const host = { httpAdapter: { getHttpServer: () => server } } as unknown as HttpAdapterHost;
    return new Drain(host, createLogger('test', 'silent'));
  }

  it('stops listening, refuses new work, lets work in flight finish, then runs the drained hooks', async () => {
    const drain = await drainOnListeningServer();
    const events: string[] = [];
    drain.onDrained(() => {
      events.push('sockets closed');
    });
    const bid = deferred();
    const inFlight = drain.run(async () => {
      await bid.promise;
      events.push('in-flight bid answered');
      return 'accepted';
    });

    const shutdown = drain.beforeApplicationShutdown('SIGTERM');
    expect(drain.isDraining).toBe(true);
    expect(server.listening).toBe(false);
    const refused = await drain.run(async () => 'too late').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe('SERVICE_UNAVAILABLE');
    expect(events).toEqual([]);

    bid.resolve();
    await expect(inFlight).resolves.toBe('accepted');
    await shutdown;
    expect(events).toEqual(['in-flight bid answered', 'sockets closed']);
  });

  it('drains at once when nothing is in flight, and a failed piece of work still counts as finished', async () => {
    const drain = await drainOnListeningServer();
    await expect(drain.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    let hooked = false;
    drain.onDrained(() => {
      hooked = true;
    });
    await drain.beforeApplicationShutdown('SIGTERM');
    expect(hooked).toBe(true);
  });
});
