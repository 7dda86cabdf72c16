import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { loadConfig } from '@auction/config';
import { freePort } from '@auction/db';
import { createRuntime, listen, type Clock, type HostedService, type Runtime } from '@auction/platform';
import { hostServices } from '@auction/runtime';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from '@auction/observability';
import { createTestDatabase, testRedisUrl, type TestDatabase } from './databases.js';
import { Api } from './http.js';
import { TEST_JWT_SECRET } from './tokens.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

export interface TestStack {
  url: string;
  api: Api;
  app: NestExpressApplication;
  runtime: Runtime;
  database: TestDatabase;
  close(): Promise<void>;
}

export interface StackOptions {
  services: HostedService[];
  /** Environment on top of the test defaults (JWT secret, fresh database, no rate limits unless asked). */
  env?: Record<string, string>;
  /** Cluster mode on the machine's Redis instead of standalone in-memory adapters. */
  redis?: boolean;
  clock?: Clock;
  /** The process logger (tests that read log lines pass one writing to memory). */
  logger?: Logger;
  /** An already migrated database to serve (kept at close) instead of a fresh copy of the template. */
  databaseUrl?: string;
}

/** Hosts the given services in this process on a fresh database copied from the migrated template. */
export async function startTestStack(options: StackOptions): Promise<TestStack> {
  const database: TestDatabase = options.databaseUrl
    ? { name: new URL(options.databaseUrl).pathname.slice(1), url: options.databaseUrl, drop: async () => undefined }
    : await createTestDatabase(inject('templateDatabase'));
  const port = await freePort();
  const env: Record<string, string> = {
    PORT: String(port),
    DATABASE_URL: database.url,
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'silent',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'auction-test-')),
    RATE_LIMITS: 'off',
    ...(options.redis ? { REDIS_URL: testRedisUrl() } : {}),
    ...options.env,
  };
  const config = loadConfig(env, { mode: env.REDIS_URL ? 'cluster' : 'standalone', service: 'standalone' });
  const runtime = createRuntime(config, { clock: options.clock, logger: options.logger });
  const app = await hostServices(runtime, options.services);
  const url = await listen(app, runtime);
  return {
    url,
    api: new Api(url),
    app,
    runtime,
    database,
    close: async () => {
      await app.close();
      if (!runtime.database.pool.ending) await runtime.database.pool.end();
      runtime.redis?.disconnect();
      await database.drop();
    },
  };
}

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(private current = new Date()) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
