import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { ASSET_CACHE_CONTROL, PAGE_CACHE_CONTROL } from '@auction/contracts';
import type { AppConfig } from '@auction/config';
import { setUpData, startEmbeddedPostgres, type EmbeddedDatabase } from '@auction/db';
import { defaultRelease } from '@auction/observability';
import { createRuntime, listen } from '@auction/platform';
import { hostServices, loadConfigOrExit } from '@auction/runtime';
import { ALL_SERVICES } from './services.js';

const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));
const NOT_WEB = /^\/(api|socket\.io|health|metrics|internal)(\/|$)/;

export interface StandaloneHandle {
  url: string;
  close(): Promise<void>;
}

/** The whole product in one process: every service, the web client and, unless DATABASE_URL is set, an embedded PostgreSQL. */
export async function startStandalone(env: NodeJS.ProcessEnv = process.env): Promise<StandaloneHandle> {
  const dataDir = env.DATA_DIR || './.data';
  mkdirSync(dataDir, { recursive: true });
  const embedded = env.DATABASE_URL ? null : await startEmbeddedPostgres(dataDir, (l) => process.stderr.write(`${l}\n`));
  const config = loadConfigOrExit({
    mode: 'standalone',
    service: 'standalone',
    fallbackJwtSecret: env.NODE_ENV === 'production' ? undefined : standaloneSecret(dataDir),
    fallbackDatabaseUrl: embedded?.url,
  });
  const runtime = createRuntime(config);
  await setUpData(
    runtime.database.db,
    ALL_SERVICES.map((s) => s.data),
  );
  const app = await hostServices(runtime, ALL_SERVICES);
  serveWebClient(app, runtime.config);
  const url = await listen(app, runtime);
  return { url, close: () => shutdown(app, runtime.database.pool, embedded) };
}

/** A key made once and kept in DATA_DIR (owner-only, even if a copy loosened it), so sessions survive restarts. */
function standaloneSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  chmodSync(file, 0o600);
  return readFileSync(file, 'utf8').trim();
}

function serveWebClient(app: NestExpressApplication, config: AppConfig): void {
  if (!existsSync(join(WEB_DIST, 'index.html'))) return;
  const clientConfig = JSON.stringify(webClientConfig(config));
  app.use('/config.json', (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.type('application/json').send(clientConfig);
  });
  // The same caching as the web image's nginx: hashed assets forever, the page revalidated.
  app.useStaticAssets(WEB_DIST, {
    index: false,
    setHeaders: (res, path) =>
      res.setHeader('Cache-Control', path.includes(`${sep}assets${sep}`) ? ASSET_CACHE_CONTROL : PAGE_CACHE_CONTROL),
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || NOT_WEB.test(req.path) || !req.accepts('html')) return next();
    res.sendFile(join(WEB_DIST, 'index.html'), { headers: { 'Cache-Control': PAGE_CACHE_CONTROL } });
  });
}

/** What the browser reads at `/config.json`: where to report errors (the same DSN as the server), or nothing. */
function webClientConfig(config: AppConfig) {
  return {
    sentry: config.sentryDsn
      ? { dsn: config.sentryDsn, environment: config.sentryEnvironment, release: config.sentryRelease ?? defaultRelease() }
      : null,
  };
}

async function shutdown(app: NestExpressApplication, pool: { end(): Promise<void> }, embedded: EmbeddedDatabase | null): Promise<void> {
  await app.close();
  await pool.end().catch(() => undefined);
  await embedded?.stop();
}
