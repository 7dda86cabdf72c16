import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import {
  API_CACHE_CONTROL,
  ASSET_CACHE_CONTROL,
  PAGE_CACHE_CONTROL,
  SECURITY_HEADERS,
  STRICT_TRANSPORT_SECURITY,
} from '@auction/contracts';
import { SERVICES, startNginx, startWebNginx, type RunningNginx, type ServiceName } from '@auction/cluster';
import { freePort } from '@auction/db';
import { createTestDatabase, startProcess, testUser, TEST_JWT_SECRET, type RunningProcess, type TestDatabase } from '@auction/testing';

const MAIN = 'apps/standalone/dist/main.js';
const WEB_DIST = resolve('apps/web/dist');

/**
 * Issue 14 item 5: the same security headers on API, SPA and static answers, from standalone
 * mode, through the cluster's nginx and from the web image's nginx. Uses the built output.
 */
describe('security headers', () => {
  const asset = `/assets/${readdirSync(join(WEB_DIST, 'assets')).find((file) => /^index-.*\.js$/.test(file))}`;
  const root = process.getuid?.() === 0 ? 'root' : undefined;
  let database: TestDatabase;
  let standalone: RunningProcess;
  let clusterNginx: RunningNginx;
  let webNginx: RunningNginx;
  let dir: string;
  const base = { standalone: '', cluster: '', web: '' };

  beforeAll(async () => {
    database = await createTestDatabase(inject('templateDatabase'));
    dir = mkdtempSync(join(tmpdir(), 'headers-'));
    const port = await freePort();
    standalone = await startProcess(
      MAIN,
      {
        DATABASE_URL: database.url,
        PORT: String(port),
        JWT_SECRET: TEST_JWT_SECRET,
        DATA_DIR: dir,
        REDIS_URL: '',
        LOG_LEVEL: 'warn',
        RATE_LIMITS: 'off',
      },
      /Auction platform is running/,
      60_000,
    );
    base.standalone = `http://127.0.0.1:${port}`;
    // The standalone process hosts every service, so it stands in for every upstream.
    const upstream = `127.0.0.1:${port}`;
    const [clusterPort, webPort, probePort] = [await freePort(), await freePort(), await freePort()];
    clusterNginx = await startNginx({
      upstreams: Object.fromEntries(SERVICES.map((s) => [s, [upstream]])) as Record<ServiceName, string[]>,
      listenPort: clusterPort,
      webRoot: WEB_DIST,
      prefix: join(dir, 'cluster-nginx'),
      user: root,
    });
    base.cluster = `http://127.0.0.1:${clusterPort}`;
    const webPrefix = join(dir, 'web-nginx');
    webNginx = await startWebNginx({
      listenPort: webPort,
      probePort,
      webRoot: WEB_DIST,
      runtimeDir: join(dir, 'web-runtime'),
      prefix: webPrefix,
      user: root,
    });
    base.web = `http://127.0.0.1:${webPort}`;
  });

  afterAll(async () => {
    await webNginx?.stop();
    await clusterNginx?.stop();
    await standalone?.kill();
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function expectPolicy(response: Response, what: string): void {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      // Exactly one copy: nginx must not add a second one to what a service sent.
      expect(response.headers.get(name), `${name} on ${what}`).toBe(value);
    }
    expect(response.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  }

  const page = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers: { accept: 'text/html', ...headers } });

  describe.each(['standalone', 'cluster'] as const)('%s', (mode) => {
    it('API answers: the policy and no-store', async () => {
      const sports = await fetch(`${base[mode]}/api/sports`);
      expect(sports.status).toBe(200);
      expectPolicy(sports, 'GET /api/sports');
      expect(sports.headers.get('cache-control')).toBe(API_CACHE_CONTROL);
      expect(sports.headers.get('strict-transport-security')).toBeNull();
    });

    it('answers carrying tokens are never stored, refusals included', async () => {
      const created = await fetch(`${base[mode]}/api/leagues`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${testUser().token}` },
        body: JSON.stringify({ name: `Headers ${mode}`, sport: 'football' }),
      });
      expect(created.status).toBe(201);
      expect(((await created.json()) as { inviteToken?: string }).inviteToken).toEqual(expect.any(String));
      expect(created.headers.get('cache-control')).toBe('no-store');
      const refused = await fetch(`${base[mode]}/api/auth/verify-magic-link`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: 'x'.repeat(32) }),
      });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('cache-control')).toBe('no-store');
      expectPolicy(refused, 'a 401 problem');
    });

    it('HSTS only when the request came over TLS through a trusted proxy', async () => {
      const overTls = await fetch(`${base[mode]}/api/sports`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(overTls.headers.get('strict-transport-security')).toBe(STRICT_TRANSPORT_SECURITY);
    });

    it('the SPA page and a deep link: the policy, revalidated on every load', async () => {
      for (const path of ['/', '/leagues/some-league']) {
        const response = await page(`${base[mode]}${path}`);
        expect(response.status).toBe(200);
        expect(await response.text()).toContain('<div id="root">');
        expectPolicy(response, `page ${path}`);
        expect(response.headers.get('cache-control')).toBe(PAGE_CACHE_CONTROL);
      }
    });

    it('static assets: the policy, cached for good', async () => {
      const response = await fetch(`${base[mode]}${asset}`);
      expect(response.status).toBe(200);
      expectPolicy(response, asset);
      expect(response.headers.get('cache-control')).toBe(ASSET_CACHE_CONTROL);
    });
  });

  describe("the web image's nginx", () => {
    it('sends the policy on the page and on assets, and HSTS behind a TLS ingress only', async () => {
      const plain = await page(`${base.web}/`);
      expectPolicy(plain, 'web image page');
      expect(plain.headers.get('cache-control')).toBe(PAGE_CACHE_CONTROL);
      expect(plain.headers.get('strict-transport-security')).toBeNull();
      const assetAnswer = await fetch(`${base.web}${asset}`);
      expectPolicy(assetAnswer, 'web image asset');
      expect(assetAnswer.headers.get('cache-control')).toBe(ASSET_CACHE_CONTROL);
      const overTls = await page(`${base.web}/`, { 'x-forwarded-proto': 'https' });
      expect(overTls.headers.get('strict-transport-security')).toBe(STRICT_TRANSPORT_SECURITY);
    });

    it('keeps the index page free of inline script and style, as the policy needs', async () => {
      const html = await (await page(`${base.web}/`)).text();
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    });
  });
});
