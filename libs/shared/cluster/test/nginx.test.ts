import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@auction/db';
import {
  SERVICES,
  internalTarget,
  publicTarget,
  renderWebNginxConfig,
  runNginx,
  startNginx,
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
      upstreams: Object.fromEntries(SERVICES.map((s) => [s, upstreams.filter((u) => u.service === s).map((u) => `127.0.0.1:${u.port}`)])) as Record<ServiceName, string[]>,
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

  it.each(['/internal/auth/users', '/internal/leagues/x', '/internal/auctions/y', '/internal/scoring/z', '/metrics', '/health/ready', '/api/nothing', '/api/healthz'])(
    'public %s is a problem+json 404 from nginx',
    async (path) => {
      const answer = await get(`${base}${path}`);
      expect(answer.status).toBe(404);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(JSON.parse(answer.text).code).toBe('NOT_FOUND');
    },
  );

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
    const big = await fetch(`${base}/api/scoring/leagues/1/results`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a'.repeat(7 * 1024 * 1024) });
    expect(big.status).toBe(413);
    await big.arrayBuffer();
    const ok = await fetch(`${base}/api/scoring/leagues/1/results`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a'.repeat(5 * 1024 * 1024) });
    expect(ok.status).toBe(200);
    await ok.arrayBuffer();
  });

  it('passes WebSocket upgrades on /socket.io through to auction-engine', async () => {
    const answer = await new Promise<{ status: number; upstream: string; upgrade: string }>((resolve, reject) => {
      const req = request(`${base}/socket.io/?EIO=4&transport=websocket`, {
        headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' },
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

describe("the web image's nginx (web.conf behind the Kubernetes Ingress)", () => {
  let nginx: RunningNginx;
  let base: string;
  let probes: string;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nginx-web-'));
    const webRoot = join(dir, 'web');
    mkdirSync(webRoot, { recursive: true });
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>web client</title>');
    const [listenPort, probePort] = [await freePort(), await freePort()];
    const prefix = join(dir, 'nginx');
    nginx = await runNginx({
      config: renderWebNginxConfig({ listenPort, probePort, webRoot, prefix, user: process.getuid?.() === 0 ? 'root' : undefined }),
      prefix,
      ports: [listenPort, probePort],
    });
    base = `http://127.0.0.1:${listenPort}`;
    probes = `http://127.0.0.1:${probePort}`;
  });

  afterAll(async () => {
    await nginx?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('serves the client with the SPA fallback', async () => {
    for (const path of ['/', '/leagues/1', '/auth/callback?token=x']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain('web client');
    }
  });

  it('answers 404 for service and private paths that reach it', async () => {
    for (const path of ['/api/anything', '/api/auth/me', '/socket.io/', '/internal/auth/x', '/metrics', '/health/ready']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      await response.arrayBuffer();
    }
  });

  it('answers the probes on their own port only', async () => {
    for (const path of ['/health/live', '/health/ready']) expect((await fetch(`${probes}${path}`)).status).toBe(200);
    expect((await fetch(`${probes}/`)).status).toBe(404);
  });
});
