import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import { DomainError } from '@auction/contracts';
import { flushSentry, type Logger } from '@auction/observability';
import { LOGGER } from './tokens.js';

/** How long in-flight work may take once SIGTERM arrives; under Kubernetes' 30 s grace with room to spare. */
export const DRAIN_TIMEOUT_MS = 10_000;

/**
 * Graceful shutdown (SIGTERM, a rolling deploy): readiness turns 503, the listener stops taking
 * connections, new work on open connections is refused with SERVICE_UNAVAILABLE (clients retry
 * on another replica), work already started finishes, then the `onDrained` hooks run (the
 * gateway closes its sockets so clients reconnect elsewhere) before Nest closes the rest.
 */
@Injectable()
export class Drain implements BeforeApplicationShutdown {
  private draining = false;
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly drainedHooks: Array<() => void | Promise<void>> = [];

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  get isDraining(): boolean {
    return this.draining;
  }

  /** Runs `work` and counts it as in flight; once draining, refuses it instead. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.draining) throw new DomainError('SERVICE_UNAVAILABLE', 'This server is restarting. Please try again.');
    this.inFlight++;
    try {
      return await work();
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) for (const resolve of this.waiting.splice(0)) resolve();
    }
  }

  onDrained(hook: () => void | Promise<void>): void {
    this.drainedHooks.push(hook);
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    const started = Date.now();
    this.draining = true;
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    // Stop listening; idle keep-alive connections close now, busy ones once their answer is sent.
    if (server?.listening) server.close();
    const settled = await this.settled(DRAIN_TIMEOUT_MS);
    for (const hook of this.drainedHooks) await hook();
    await flushSentry();
    this.logger.info({ signal, ms: Date.now() - started, unfinished: settled ? 0 : this.inFlight }, 'drained');
  }

  private settled(timeoutMs: number): Promise<boolean> {
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiting.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
