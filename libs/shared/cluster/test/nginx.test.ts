import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '@auction/contracts';
import { freePort } from '@auction/db';
import {
  SERVICES,
  internalTarget,
  publicTarget,
  WEB_ENTRYPOINT,
  runToCompletion,
  startNginx,
  startWebNginx,
  type RunningNginx,
  type ServiceName,
} from '../src/index.js';

/**
 * The generated nginx configuration, run by the real nginx in front of stand-in upstreams that
 * answer with their own name: proves every route of the table, the internal listener, the
 * forwarded headers, WebSocket upgrades and fail-over. Needs nginx; no build.
 */
interface Upstream {
  service: ServiceName;
  index: number;
  port: number;
  server: Server;
}

async function startUpstream(service: ServiceName, index: number): Promise<Upstream> {
  const server = createServer((req, res) => {
    const body = JSON.stringify({ service, index, url: req.url, headers: req.headers, padding: 'x'.repeat(2000) });
    res.writeHead(200, { 'content-type': 'application/json' });
    req.resume();
    req.on('end', () => res.end(body));
  });
  server.on('upgrade', (req, socket) => {
    socket.end(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nX-Upstream: ${service}#${index}\r\n\r\n`);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { service, index, port, server };
}

describe('nginx generated from the route table', () => {
  const upstreams: Upstream[] = [];
  let nginx: RunningNginx;
  let base: string;
  let internal: string;
  let dir: string;

  beforeAll(async () => {
    for (const service of SERVICES) for (const index of [0, 1]) upstreams.push(await startUpstream(service, index));
    dir = mkdtempSync(join(tmpdir(), 'nginx-test-'));
    const webRoot = join(dir, 'web');
    mkdirSync(join(webRoot, 'assets'), { recursive: true });
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>web client</title>');
    writeFileSync(join(webRoot, 'assets', 'app-123.js'), 'console.log("app");'.repeat(200));
    const [listenPort, internalPort] = [await freePort(), await freePort()];
    nginx = await startNginx({
      upstreams: Object.fromEntries(
        SERVICES.map((s) => [s, upstreams.filter((u) => u.service === s).map((u) => `127.0.0.1:${u.port}`)]),
      ) as Record<ServiceName, string[]>,
      listenPort,
      internalPort,
      webRoot,
      prefix: join(dir, 'nginx'),
      user: process.getuid?.() === 0 ? 'root' : undefined,
    });
    base = `http://127.0.0.1:${listenPort}`;
    internal = `http://127.0.0.1:${internalPort}`;
  });

  afterAll(async () => {
    await nginx?.stop();
    await Promise.all(upstreams.map((u) => new Promise((resolve) => u.server.close(resolve))));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function get(url: string, headers: Record<string, string> = {}) {
    const response = await fetch(url, { headers });
    const text = await response.text();
    const json = (response.headers.get('content-type') ?? '').includes('application/json') ? JSON.parse(text) : null;
    return { status: response.status, text, json, headers: response.headers };
  }

  it.each([
    '/api/auth/magic-link',
    '/api/auth/docs-json',
    '/api/leagues/docs-json',
    '/api/leagues/5/members/7',
    '/api/sports',
    '/api/assets?sport=cricket',
    '/api/me/competitions',
    '/api/auctions/docs-json',
    '/api/auctions/1/bids?lotId=2',
    '/socket.io/?EIO=4&transport=polling',
    '/api/scoring/docs-json',
    '/api/scoring/leagues/1/leaderboard',
    '/api/health',
  ])('public %s reaches the service the table names', async (path) => {
    const answer = await get(`${base}${path}`);
    expect(answer.status).toBe(200);
    const target = publicTarget(path);
    if (target === 'any') expect(SERVICES).toContain(answer.json.service);
    else expect(answer.json.service).toBe(target);
    expect(answer.json.url).toBe(path);
  });

  it.each(['/', '/leagues/1/auction', '/auth/callback?token=abc'])('public %s serves the web client', async (path) => {
    const answer = await get(`${base}${path}`);
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('web client');
    expect(answer.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves hashed assets with a long cache, gzipped', async () => {
    const response = await fetch(`${base}/assets/app-123.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect((await get(`${base}/assets/missing.js`)).status).toBe(404);
  });

  it.each([
    '/internal/auth/users',
    '/internal/leagues/x',
    '/internal/auctions/y',
    '/internal/scoring/z',
    '/metrics',
    '/health/ready',
    '/api/nothing',
    '/api/healthz',
  ])('public %s is a problem+json 404 from nginx', async (path) => {
    const answer = await get(`${base}${path}`);
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(JSON.parse(answer.text).code).toBe('NOT_FOUND');
  });

  it.each(['/internal/auth/users/1', '/internal/leagues/leagues/1', '/internal/auctions/a', '/internal/scoring/s'])(
    'internal %s reaches its owner on the internal listener',
    async (path) => {
      const answer = await get(`${internal}${path}`);
      expect(answer.status).toBe(200);
      expect(answer.json.service).toBe(internalTarget(path));
    },
  );

  it('does not route public paths on the internal listener', async () => {
    expect((await get(`${internal}/api/auth/me`)).status).toBe(404);
  });

  it('forwards X-Forwarded-For, X-Forwarded-Proto and a request id (kept when the client sent a sane one)', async () => {
    const mine = await get(`${base}/api/auth/me`, { 'x-request-id': 'client-req-1', 'x-forwarded-for': '203.0.113.9' });
    expect(mine.json.headers['x-request-id']).toBe('client-req-1');
    expect(mine.json.headers['x-forwarded-for']).toBe('203.0.113.9, 127.0.0.1');
    expect(mine.json.headers['x-forwarded-proto']).toBe('http');
    const made = await get(`${base}/api/auth/me`, { 'x-request-id': 'bad id with spaces' });
    expect(made.json.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
    const behindTls = await get(`${base}/api/auth/me`, { 'x-forwarded-proto': 'https' });
    expect(behindTls.json.headers['x-forwarded-proto']).toBe('https');
  });

  it('compresses JSON answers', async () => {
    const response = await fetch(`${base}/api/sports`, { headers: { 'accept-encoding': 'gzip' } });
    // fetch decodes transparently; the header proves nginx compressed.
    expect(response.headers.get('content-encoding')).toBe('gzip');
    await response.arrayBuffer();
  });

  it('refuses bodies over 6 MB and accepts a 5 MB CSV', async () => {
    const big = await fetch(`${base}/api/scoring/leagues/1/results`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'a'.repeat(7 * 1024 * 1024),
    });
    expect(big.status).toBe(413);
    await big.arrayBuffer();
    const ok = await fetch(`${base}/api/scoring/leagues/1/results`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'a'.repeat(5 * 1024 * 1024),
    });
    expect(ok.status).toBe(200);
    await ok.arrayBuffer();
  });

  it('passes WebSocket upgrades on /socket.io through to auction-engine', async () => {
    const answer = await new Promise<{ status: number; upstream: string; upgrade: string }>((resolve, reject) => {
      const req = request(`${base}/socket.io/?EIO=4&transport=websocket`, {
        headers: {
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        },
      });
      req.on('upgrade', (res, socket) => {
        socket.destroy();
        resolve({ status: res.statusCode!, upstream: String(res.headers['x-upstream']), upgrade: String(res.headers.upgrade) });
      });
      req.on('response', (res) => reject(new Error(`no upgrade: ${res.statusCode}`)));
      req.on('error', reject);
      req.end();
    });
    expect(answer.status).toBe(101);
    expect(answer.upgrade).toBe('websocket');
    expect(answer.upstream).toMatch(/^auction-engine#[01]$/);
  });

  it('keeps Socket.IO polling on one replica (ip_hash) and spreads /api/auctions', async () => {
    const polled = new Set<number>();
    const api = new Set<number>();
    for (let i = 0; i < 6; i++) {
      polled.add((await get(`${base}/socket.io/?EIO=4&transport=polling`)).json.index);
      api.add((await get(`${base}/api/auctions/docs-json`)).json.index);
    }
    expect(polled.size).toBe(1);
    expect(api.size).toBe(2);
  });

  it('skips a dead replica at once', async () => {
    const victim = upstreams.find((u) => u.service === 'leagues' && u.index === 0)!;
    const closed = new Promise((resolve) => victim.server.close(resolve));
    victim.server.closeAllConnections();
    await closed;
    for (let i = 0; i < 6; i++) {
      const answer = await get(`${base}/api/leagues/docs-json`);
      expect(answer.status).toBe(200);
      expect(answer.json.index).toBe(1);
    }
  });
});

/** A Socket.IO stand-in whose WebSockets stay open, as real ones do, until its replica goes away. */
class WebSocketReplica {
  private server: Server | null = null;
  private readonly tunnels = new Set<Duplex>();
  constructor(
    readonly index: number,
    readonly port: number,
  ) {}

  async start(): Promise<void> {
    const server = createServer((_req, res) => res.end('{}'));
    server.on('upgrade', (_req, socket: Duplex) => {
      this.tunnels.add(socket);
      socket.on('close', () => this.tunnels.delete(socket));
      socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nX-Upstream: ${this.index}\r\n\r\n`);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.server = server;
  }

  /** The replica goes away: no more connections, and its open WebSockets close. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const tunnel of this.tunnels) tunnel.destroy();
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}

describe('nginx in front of Socket.IO during a rolling deploy', () => {
  const replicas: WebSocketReplica[] = [];
  const clients = new Set<Duplex>();
  let other: Server;
  let nginx: RunningNginx;
  let base: string;
  let dir: string;

  beforeAll(async () => {
    for (const index of [0, 1]) replicas.push(new WebSocketReplica(index, await freePort()));
    for (const replica of replicas) await replica.start();
    other = createServer((_req, res) => res.end('{}'));
    const otherPort = await freePort();
    await new Promise<void>((resolve) => other.listen(otherPort, '127.0.0.1', resolve));
    dir = mkdtempSync(join(tmpdir(), 'nginx-ws-'));
    const listenPort = await freePort();
    nginx = await startNginx({
      upstreams: Object.fromEntries(
        SERVICES.map((s) => [s, s === 'auction-engine' ? replicas.map((r) => `127.0.0.1:${r.port}`) : [`127.0.0.1:${otherPort}`]]),
      ) as Record<ServiceName, string[]>,
      listenPort,
      webRoot: dir,
      prefix: join(dir, 'nginx'),
      user: process.getuid?.() === 0 ? 'root' : undefined,
    });
    base = `http://127.0.0.1:${listenPort}`;
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await nginx?.stop();
    for (const replica of replicas) await replica.stop();
    await new Promise((resolve) => other?.close(resolve));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A WebSocket handshake from its own address (ip_hash spreads 127.x.y.*); the replica that took it, or the HTTP status. */
  function connect(client: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const req = request(`${base}/socket.io/?EIO=4&transport=websocket`, {
        localAddress: `127.9.${client}.1`,
        headers: {
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        },
      });
      req.on('upgrade', (res, socket) => {
        clients.add(socket);
        resolve(`replica ${String(res.headers['x-upstream'])}`);
      });
      req.on('response', (res) => {
        res.resume();
        resolve(`HTTP ${res.statusCode}`);
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('takes every reconnecting client while each replica in turn is replaced', async () => {
    for (const replica of replicas) {
      await replica.stop();
      const survivor = `replica ${replicas.find((r) => r !== replica)!.index}`;
      const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => connect(replica.index * 40 + i)));
      expect(new Set(answers)).toEqual(new Set([survivor]));
      await replica.start();
    }
    // Both replicas failed once and hold open WebSockets: new clients must still get through.
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => connect(100 + i)));
    expect(answers.filter((a) => !a.startsWith('replica '))).toEqual([]);
  });
});

/** The web image as it starts (entrypoint, then nginx with web.conf), with the given environment. */
function webImage(env: Record<string, string>) {
  const image = { base: '', probes: '', dir: '', nginx: null as RunningNginx | null };
  beforeAll(async () => {
    image.dir = mkdtempSync(join(tmpdir(), 'nginx-web-'));
    const webRoot = join(image.dir, 'web');
    mkdirSync(webRoot, { recursive: true });
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>web client</title>');
    const [listenPort, probePort] = [await freePort(), await freePort()];
    const runtimeDir = join(image.dir, 'runtime');
    image.nginx = await startWebNginx({
      listenPort,
      probePort,
      webRoot,
      runtimeDir,
      prefix: join(image.dir, 'nginx'),
      user: process.getuid?.() === 0 ? 'root' : undefined,
      env,
    });
    image.base = `http://127.0.0.1:${listenPort}`;
    image.probes = `http://127.0.0.1:${probePort}`;
  });
  afterAll(async () => {
    await image.nginx?.stop();
    if (image.dir) rmSync(image.dir, { recursive: true, force: true });
  });
  return image;
}

const connectSrc = (response: Response) => /(?:^|;)connect-src ([^;]*)/.exec(response.headers.get('content-security-policy') ?? '')?.[1];

describe("the web image's nginx (web.conf behind the Kubernetes Ingress)", () => {
  const image = webImage({});
  it('serves the client with the SPA fallback', async () => {
    for (const path of ['/', '/leagues/1', '/auth/callback?token=x']) {
      const response = await fetch(`${image.base}${path}`);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain('web client');
    }
  });

  it('answers 404 for service and private paths that reach it', async () => {
    for (const path of ['/api/anything', '/api/auth/me', '/socket.io/', '/internal/auth/x', '/metrics', '/health/ready']) {
      const response = await fetch(`${image.base}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      await response.arrayBuffer();
    }
  });

  it('answers the probes on their own port only', async () => {
    for (const path of ['/health/live', '/health/ready']) expect((await fetch(`${image.probes}${path}`)).status).toBe(200);
    expect((await fetch(`${image.probes}/`)).status).toBe(404);
  });

  it('sends the same policy as the services and tells the browser that error reporting is off', async () => {
    const page = await fetch(`${image.base}/`);
    expect(page.headers.get('content-security-policy')).toBe(SECURITY_HEADERS['Content-Security-Policy']);
    await page.arrayBuffer();
    const config = await fetch(`${image.base}/config.json`);
    expect(config.headers.get('content-type')).toBe('application/json');
    expect(await config.json()).toEqual({ sentry: null });
  });
});

describe("the web image's nginx with SENTRY_DSN set", () => {
  const image = webImage({ SENTRY_DSN: 'https://public-key@o42.ingest.sentry.example:8443/7', SENTRY_RELEASE: 'web@1.2.3' });

  it("adds the DSN's origin to connect-src on every file it serves, and nothing else changes", async () => {
    for (const path of ['/', '/leagues/1', '/assets/missing.js', '/config.json']) {
      const answer = await fetch(`${image.base}${path}`);
      expect(connectSrc(answer), path).toBe("'self' https://o42.ingest.sentry.example:8443");
      expect(answer.headers.get('content-security-policy'), path).toBe(
        SECURITY_HEADERS['Content-Security-Policy']!.replace(
          "connect-src 'self'",
          "connect-src 'self' https://o42.ingest.sentry.example:8443",
        ),
      );
      await answer.arrayBuffer();
    }
  });

  it('serves the DSN, environment and release at /config.json, uncached', async () => {
    const config = await fetch(`${image.base}/config.json`);
    expect(config.headers.get('cache-control')).toBe('no-cache');
    expect(await config.json()).toEqual({
      sentry: { dsn: 'https://public-key@o42.ingest.sentry.example:8443/7', environment: 'production', release: 'web@1.2.3' },
    });
  });
});

describe("the web image's entrypoint", () => {
  it.each([
    [{ SENTRY_DSN: 'https://key@host/1";add_header X y;#' }, /SENTRY_DSN/],
    [{ SENTRY_DSN: 'not a url' }, /SENTRY_DSN/],
    [{ SENTRY_DSN: 'https://key@host/1', SENTRY_ENVIRONMENT: 'prod env' }, /SENTRY_ENVIRONMENT/],
  ])('refuses to start on %j', async (env, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'web-entry-'));
    try {
      const run = await runToCompletion('web-entrypoint', 'sh', [WEB_ENTRYPOINT, 'true'], {
        env: { PATH: process.env.PATH, WEB_RUNTIME_DIR: dir, ...env },
      });
      expect(run.code).toBe(78);
      expect(run.output).toMatch(message);
      expect(existsSync(join(dir, 'sentry.conf'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
