import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '@auction/db';
import { Api, startProcess, type RunningProcess } from '@auction/testing';

const MAIN = 'apps/standalone/dist/main.js';

/** Standalone mode as a new user starts it: no database, no Redis, no SMTP, nothing configured. */
describe('standalone mode', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'auction-standalone-'));
  let running: RunningProcess | undefined;
  let firstSession: { accessToken: string; userId: string } | undefined;

  afterAll(async () => {
    await running?.kill();
  });

  async function boot(port: number): Promise<Api> {
    running = await startProcess(
      MAIN,
      { DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '', REDIS_URL: '', SMTP_URL: '', JWT_SECRET: '' },
      /Auction platform is running/,
      90_000,
    );
    return new Api(`http://127.0.0.1:${port}`);
  }

  async function signInFromConsole(api: Api, email: string) {
    expect((await api.post('/api/auth/magic-link', { email })).status).toBe(202);
    const link = await waitForConsoleLink(running!, email);
    expect(link.startsWith(`${api.baseUrl.replace('127.0.0.1', 'localhost')}/auth/callback?token=`)).toBe(true);
    const answer = await api.post('/api/auth/verify-magic-link', { token: new URL(link).searchParams.get('token') });
    expect(answer.status).toBe(200);
    return answer.body;
  }

  it('boots from an empty DATA_DIR and signs in with the link printed on the console', async () => {
    const api = await boot(await freePort());
    const health = await api.get('/api/health');
    expect(health.body).toEqual({ status: 'ok', checks: { database: 'ok', redis: 'disabled' } });
    for (const path of ['/health/live', '/health/ready']) expect((await api.get(path)).status).toBe(200);
    expect((await api.get('/metrics')).body).toContain('http_request_duration_seconds');

    const session = await signInFromConsole(api, 'first@club.test');
    expect(session.user.email).toBe('first@club.test');
    const outbox = readdirSync(join(dataDir, 'outbox'));
    expect(outbox.some((f) => f.endsWith('.eml'))).toBe(true);
    expect(readFileSync(join(dataDir, 'outbox', outbox[0]!), 'utf8')).toContain('/auth/callback?token=');
    expect(modeOf(join(dataDir, 'outbox', outbox[0]!))).toBe(0o600);
    expect(modeOf(join(dataDir, 'jwt-secret'))).toBe(0o600);

    firstSession = { accessToken: session.accessToken, userId: session.user.id };

    const logLines = running!
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'));
    const requests = logLines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'request');
    expect(requests.length).toBeGreaterThan(0);
    for (const entry of requests) expect(entry).toMatchObject({ service: 'standalone', reqId: expect.any(String) });
    const mailedToken = readFileSync(join(dataDir, 'outbox', outbox[0]!), 'utf8').match(/token=([A-Za-z0-9_-]+)/)![1]!;
    for (const line of logLines) {
      expect(line).not.toContain(mailedToken);
      expect(line).not.toContain(session.accessToken);
      expect(line).not.toContain(session.refreshToken);
    }
    await running!.kill('SIGTERM');
    expect(await running!.exited).toBe(0);
  });

  it('boots again from the existing DATA_DIR with its data and signing key', async () => {
    // A copied or restored DATA_DIR may have loosened the key file: start tightens it again.
    chmodSync(join(dataDir, 'jwt-secret'), 0o644);
    const api = await boot(await freePort());
    const me = await api.get('/api/auth/me', { token: firstSession!.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(firstSession!.userId);
    const again = await signInFromConsole(api, 'first@club.test');
    expect(again.user.id).toBe(firstSession!.userId);
    expect(modeOf(join(dataDir, 'jwt-secret'))).toBe(0o600);
  });
});

function modeOf(file: string): number {
  return statSync(file).mode & 0o777;
}

function waitForConsoleLink(running: RunningProcess, email: string, timeoutMs = 10_000): Promise<string> {
  const pattern = new RegExp(`Sign-in link for ${email.replace('.', '\\.')}:\\s+(\\S+)`, 'g');
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const seen = new Set([...running.output().matchAll(pattern)].map((m) => m[1]!));
    const onData = () => {
      const fresh = [...running.output().matchAll(pattern)].map((m) => m[1]!).find((l) => !seen.has(l));
      if (fresh) {
        running.child.stdout!.off('data', onData);
        resolve(fresh);
      } else if (Date.now() > deadline) reject(new Error(`no console link for ${email}`));
    };
    running.child.stdout!.on('data', onData);
  });
}
