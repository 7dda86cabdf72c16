/**
 * bench:auth — new users each request a sign-in link, receive the real mail and verify it,
 * against the auth service process on the machine's PostgreSQL and Redis (rate limits on; each
 * simulated user comes from its own address).
 */
import { randomUUID } from 'node:crypto';
import { connectDatabase, freePort, setUpData } from '@auction/db';
import { Api, TestSmtpServer, createTestDatabase, startProcess, TEST_REDIS_URL } from '@auction/testing';
import { authService } from '@auction/auth';
import { signUpWave, signupTable, type SignupOutcome } from '../load/signups.js';
import { machine, writeSection } from './report.js';

async function main(): Promise<void> {
  const database = await createTestDatabase();
  const { pool, db } = connectDatabase(database.url, { max: 2 });
  await setUpData(db, [authService.data]);
  await pool.end();
  const smtp = new TestSmtpServer();
  const smtpUrl = await smtp.start();
  const port = await freePort();
  const service = await startProcess('apps/auth/dist/main.js', {
    PORT: String(port),
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    SMTP_URL: `${smtpUrl}/?pool=true&maxConnections=5`,
    JWT_SECRET: randomUUID() + randomUUID(),
    LOG_LEVEL: 'info',
    NODE_ENV: 'production',
  });
  const api = new Api(`http://127.0.0.1:${port}`);
  const outcomes: SignupOutcome[] = [];
  try {
    for (const scenario of [
      { users: 100, windowMs: 6000 },
      { users: 1000, windowMs: 20_000 },
    ]) {
      outcomes.push(await signUpWave(api, smtp, scenario));
    }
  } finally {
    await service.kill();
    await smtp.stop();
    await database.drop();
  }
  report(outcomes);
}

function report(outcomes: SignupOutcome[]): void {
  const table = signupTable(outcomes);
  const body = `\`npm run bench:auth\` — the auth service as its own process (NODE_ENV=production, rate limits on,
each user from its own address) on the machine's PostgreSQL and Redis, mail through a real SMTP
server in the benchmark process. Machine: ${machine()}.

${table}

Target: p99 under 250 ms for 100 users in 6 s, zero errors.`;
  process.stdout.write(`${table}\n`);
  writeSection('Auth', body);
}

await main();
