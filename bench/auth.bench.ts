/**
 * bench:auth — new users each request a sign-in link, receive the real mail and verify it,
 * against the auth service process on the machine's PostgreSQL and Redis (rate limits on; each
 * simulated user comes from its own address).
 */
import { randomUUID } from 'node:crypto';
import { connectDatabase, freePort, setUpData } from '@auction/db';
import { Api, TestSmtpServer, createTestDatabase, startProcess, TEST_REDIS_URL } from '@auction/testing';
import { authService } from '@auction/auth';
import { machine, summarise, writeSection, type Summary } from './report.js';

interface Scenario {
  users: number;
  windowMs: number;
}

interface Outcome {
  scenario: Scenario;
  request: Summary;
  verify: Summary;
  endToEnd: Summary;
  errors: number;
  elapsedMs: number;
}

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
  const outcomes: Outcome[] = [];
  try {
    for (const scenario of [
      { users: 100, windowMs: 6000 },
      { users: 1000, windowMs: 20_000 },
    ]) {
      outcomes.push(await run(api, smtp, scenario));
    }
  } finally {
    await service.kill();
    await smtp.stop();
    await database.drop();
  }
  report(outcomes);
}

async function run(api: Api, smtp: TestSmtpServer, scenario: Scenario): Promise<Outcome> {
  const requestMs: number[] = [];
  const verifyMs: number[] = [];
  const endToEndMs: number[] = [];
  let errors = 0;
  const run = randomUUID().slice(0, 8);
  const started = performance.now();
  const spacing = scenario.windowMs / scenario.users;
  await Promise.all(
    Array.from({ length: scenario.users }, async (_, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * spacing));
      const email = `bench-${run}-${i}@club.test`;
      const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      const userStart = performance.now();
      try {
        const asked = await api.post('/api/auth/magic-link', { email }, { headers: { 'x-forwarded-for': ip } });
        requestMs.push(performance.now() - userStart);
        if (asked.status !== 202) throw new Error(`magic-link ${asked.status}`);
        const mail = await smtp.nextMail(email, 30_000);
        const verifyStart = performance.now();
        const verified = await api.post('/api/auth/verify-magic-link', { token: mail.token }, { headers: { 'x-forwarded-for': ip } });
        verifyMs.push(performance.now() - verifyStart);
        if (verified.status !== 200) throw new Error(`verify ${verified.status}`);
        endToEndMs.push(performance.now() - userStart);
      } catch {
        errors++;
      }
    }),
  );
  return {
    scenario,
    request: summarise(requestMs),
    verify: summarise(verifyMs),
    endToEnd: summarise(endToEndMs),
    errors,
    elapsedMs: Math.round(performance.now() - started),
  };
}

function report(outcomes: Outcome[]): void {
  const rows = outcomes.flatMap((o) => {
    const label = `${o.scenario.users} users in ${o.scenario.windowMs / 1000} s`;
    return [
      `| ${label} | request link | ${o.request.p50} | ${o.request.p95} | ${o.request.p99} | ${o.request.max} | ${o.errors} |`,
      `| ${label} | verify link | ${o.verify.p50} | ${o.verify.p95} | ${o.verify.p99} | ${o.verify.max} | |`,
      `| ${label} | request → mail → signed in | ${o.endToEnd.p50} | ${o.endToEnd.p95} | ${o.endToEnd.p99} | ${o.endToEnd.max} | |`,
    ];
  });
  const table = ['| scenario | step | p50 ms | p95 ms | p99 ms | max ms | errors |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
  const body = `\`npm run bench:auth\` — the auth service as its own process (NODE_ENV=production, rate limits on,
each user from its own address) on the machine's PostgreSQL and Redis, mail through a real SMTP
server in the benchmark process. Machine: ${machine()}.

${table}

Target: p99 under 250 ms for 100 users in 6 s, zero errors.`;
  process.stdout.write(`${table}\n`);
  writeSection('Auth', body);
}

await main();
