/**
 * Sign-ups by mailed link: each new person asks for a link, receives the real mail and
 * verifies it. Shared by the `signups` load scenario (through nginx to the cluster) and
 * `bench:auth` (the auth process alone).
 */
import { randomUUID } from 'node:crypto';
import { summarise, machine, type Summary } from '../bench/report.js';
import { Api, type TestSmtpServer } from '@auction/testing';
import type { LoadEnvironment } from './environment.js';
import type { SignupScenario } from './scenarios.js';

export interface SignupWave {
  users: number;
  windowMs: number;
}

export interface SignupOutcome {
  wave: SignupWave;
  request: Summary;
  verify: Summary;
  endToEnd: Summary;
  errors: number;
  elapsedMs: number;
}

/** `users` sign-ups spread evenly over `windowMs`, each from its own address. */
export async function signUpWave(api: Api, smtp: TestSmtpServer, wave: SignupWave): Promise<SignupOutcome> {
  const requestMs: number[] = [];
  const verifyMs: number[] = [];
  const endToEndMs: number[] = [];
  let errors = 0;
  const run = randomUUID().slice(0, 8);
  const started = performance.now();
  const spacing = wave.windowMs / wave.users;
  await Promise.all(
    Array.from({ length: wave.users }, async (_, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * spacing));
      const email = `signup-${run}-${i}@club.test`;
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
    wave,
    request: summarise(requestMs),
    verify: summarise(verifyMs),
    endToEnd: summarise(endToEndMs),
    errors,
    elapsedMs: Math.round(performance.now() - started),
  };
}

export function signupTable(outcomes: SignupOutcome[]): string {
  const rows = outcomes.flatMap((o) => {
    const label = `${o.wave.users} users in ${o.wave.windowMs / 1000} s`;
    return [
      `| ${label} | request link | ${o.request.p50} | ${o.request.p95} | ${o.request.p99} | ${o.request.max} | ${o.errors} |`,
      `| ${label} | verify link | ${o.verify.p50} | ${o.verify.p95} | ${o.verify.p99} | ${o.verify.max} | |`,
      `| ${label} | request → mail → signed in | ${o.endToEnd.p50} | ${o.endToEnd.p95} | ${o.endToEnd.p99} | ${o.endToEnd.max} | |`,
    ];
  });
  return ['| scenario | step | p50 ms | p95 ms | p99 ms | max ms | errors |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}

/** The `signups` scenario through nginx to the cluster's auth replica (rate limits off, as in every load run). */
export async function runSignups(
  env: LoadEnvironment,
  scenario: SignupScenario,
): Promise<{ table: string; markdown: string; errors: number }> {
  const api = new Api(env.cluster.url);
  const outcomes: SignupOutcome[] = [];
  for (const wave of scenario.waves) outcomes.push(await signUpWave(api, env.smtp, wave));
  const table = signupTable(outcomes);
  const markdown = `# Load: signups

\`npm run load -- --scenario signups\` — ${scenario.summary}, through nginx to the cluster's auth service,
mail through a real SMTP server in the load process. Machine: ${machine()}.

${table}
`;
  return { table, markdown, errors: outcomes.reduce((n, o) => n + o.errors, 0) };
}
