import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@auction/testing';
import { startRedisServer, waitUntil, type RedisServerHandle } from '../src/index.js';

/**
 * `npm run cluster` (scripts/cluster.ts) in the foreground, stopped the way a terminal's Ctrl+C
 * does it: SIGINT to the whole process group. Every replica and nginx must be gone afterwards.
 * It runs under node with the tsx loader, as `npm run cluster` does: the tsx CLI would SIGKILL the
 * script (exit 130) when the script's answer to a relayed signal takes over 30 ms, as on a busy machine.
 * Needs the build: `npm test` builds first; alone, run `npx tsc -b tsconfig.build.json` before.
 */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm run cluster (scripts/cluster.ts)', () => {
  let database: TestDatabase;
  let redis: RedisServerHandle;
  let dir: string;
  let child: ChildProcess;
  let output = '';
  let exited: Promise<number | null>;

  beforeAll(async () => {
    database = await createTestDatabase(inject('templateDatabase'));
    redis = await startRedisServer();
    dir = mkdtempSync(join(tmpdir(), 'cluster-script-'));
    child = spawn(
      process.execPath,
      [
        '--conditions=@auction/source',
        '--import',
        'tsx',
        'scripts/cluster.ts',
        '--port',
        '0',
        '--dir',
        dir,
        '--replicas',
        'auth=1,leagues=1,auction-engine=2,scoring=1',
      ],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: database.url, REDIS_URL: redis.url, JWT_SECRET: '' },
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    await waitUntil(async () => /Ctrl\+C stops everything/.test(output), {
      timeoutMs: 150_000,
      what: `the cluster script to start:\n${output}`,
    });
  }, 180_000);

  afterAll(async () => {
    if (child?.exitCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
    await redis?.stop();
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('prints the URL and the replica table, and serves through nginx', async () => {
    const url = output.match(/is running: open (http:\/\/\S+)/)![1]!;
    expect(output).toMatch(/auction-engine\s+1\s+\d+\s+\d+/);
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ checks: { database: 'ok', redis: 'ok' } });
  });

  it('stops every process on Ctrl+C (SIGINT to the process group) and exits 0', async () => {
    const pids = [...output.matchAll(/^\s+(?:auth|leagues|auction-engine|scoring)\s+\d+\s+\d+\s+(\d+)/gm)].map((m) => Number(m[1]));
    expect(pids).toHaveLength(5);
    const nginxPid = Number(readFileSync(join(dir, 'nginx', 'nginx.pid'), 'utf8').trim());
    expect(alive(nginxPid)).toBe(true);

    process.kill(-child.pid!, 'SIGINT');
    expect(await exited).toBe(0);
    for (const pid of [...pids, nginxPid]) expect(alive(pid), `pid ${pid}`).toBe(false);
    expect(output).toContain('Stopping nginx and every replica');
  }, 60_000);
});
