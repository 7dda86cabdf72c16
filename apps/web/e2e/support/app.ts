import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { freePort } from '@auction/db';
import { Api, createTestDatabase, startProcess, TestSmtpServer, type RunningProcess, type TestDatabase } from '@auction/testing';

/** The repository root, whatever directory vitest was started from. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const STANDALONE_MAIN = join(REPO_ROOT, 'apps/standalone/dist/main.js');
const WEB_INDEX = join(REPO_ROOT, 'apps/web/dist/index.html');

/** The whole product as a user runs it: the built standalone process serving the web client at `/`. */
export interface RunningApp {
  /** Base URL of the process, also its PUBLIC_URL (links in mails point here). */
  url: string;
  api: Api;
  /** The process's own database (copied from the template), for tests that inspect or break it (or age stored times). */
  databaseUrl: string;
  /** Every mail the product sends is captured here (sign-in links, invitations). */
  smtp: TestSmtpServer;
  process: RunningProcess;
  stop(): Promise<void>;
}

/**
 * Starts `apps/standalone/dist/main.js` (built by `npm run build`) on a free port, with a fresh
 * database copied from the run's migrated template, a fresh DATA_DIR and a real SMTP server.
 */
export async function startApp(extraEnv: Record<string, string> = {}): Promise<RunningApp> {
  for (const file of [STANDALONE_MAIN, WEB_INDEX]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` before the e2e suite`);
  }
  const database: TestDatabase = await createTestDatabase(inject('templateDatabase'));
  const smtp = new TestSmtpServer();
  const dataDir = mkdtempSync(join(tmpdir(), 'auction-e2e-'));
  let running: RunningProcess | undefined;
  try {
    const smtpUrl = await smtp.start();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    running = await startProcess(
      STANDALONE_MAIN,
      {
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        PUBLIC_URL: url,
        DATA_DIR: dataDir,
        DATABASE_URL: database.url,
        REDIS_URL: '',
        SMTP_URL: smtpUrl,
        MAIL_FROM: 'auction@club.test',
        JWT_SECRET: '',
        RATE_LIMITS: 'off',
        LOG_LEVEL: 'warn',
        SENTRY_DSN: '',
        CORS_ORIGINS: '',
        ...extraEnv,
      },
      /Auction platform is running/,
      60_000,
    );
    const process_ = running;
    return {
      url,
      api: new Api(url),
      databaseUrl: database.url,
      smtp,
      process: process_,
      stop: async () => {
        await process_.kill('SIGTERM').catch(() => undefined);
        await smtp.stop().catch(() => undefined);
        await database.drop().catch(() => undefined);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await running?.kill('SIGKILL').catch(() => undefined);
    await smtp.stop().catch(() => undefined);
    await database.drop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
