import { describe, expect, it } from 'vitest';
import { renderNginxConfig, renderWebNginxConfig, upstreamName } from './nginx.js';
import { INTERNAL_ROUTES, PUBLIC_ROUTES } from './routes.js';

interface Directive {
  name: string;
  args: string[];
  block?: Directive[];
}

/** Enough of nginx's syntax to read our own output: directives, quoted strings, blocks, comments. */
function parse(text: string): Directive[] {
  const tokens = text.match(/#[^\n]*|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[{};]|[^\s{};'"]+/g)!.filter((t) => !t.startsWith('#'));
  let i = 0;
  const block = (): Directive[] => {
    const out: Directive[] = [];
    while (i < tokens.length && tokens[i] !== '}') {
      const words: string[] = [];
      while (tokens[i] !== ';' && tokens[i] !== '{') words.push(tokens[i++]!.replace(/^(['"])(.*)\1$/s, '$2'));
      const [name, ...args] = words;
      if (tokens[i++] === '{') {
        out.push({ name: name!, args, block: block() });
        i++; // the closing brace
      } else out.push({ name: name!, args });
    }
    return out;
  };
  return block();
}

const all = (ds: Directive[] | undefined, name: string) => (ds ?? []).filter((d) => d.name === name);
const one = (ds: Directive[] | undefined, name: string) => all(ds, name)[0];

const upstreams = {
  auth: ['127.0.0.1:4001', '127.0.0.1:4002'],
  leagues: ['127.0.0.1:4011'],
  'auction-engine': ['127.0.0.1:4021', '127.0.0.1:4022', '127.0.0.1:4023'],
  scoring: ['127.0.0.1:4031'],
};
const text = renderNginxConfig({ upstreams, listenPort: 8080, internalPort: 8081, webRoot: '/srv/web/', prefix: '/tmp/ngx/' });
const root = parse(text);
const http = one(root, 'http')!.block!;
const [publicServer, internalServer] = all(http, 'server').map((s) => s.block!);

/** The upstream a location proxies to, the file root it serves, or the status it returns. */
function routeOf(location: Directive): string {
  const pass = one(location.block, 'proxy_pass');
  if (pass) return pass.args[0]!.replace('http://', '');
  const served = one(location.block, 'root');
  if (served) return `files:${served.args[0]}`;
  return `return:${one(location.block, 'return')!.args[0]}`;
}

describe('renderNginxConfig', () => {
  it('holds 10,000 proxied WebSockets (two connections each) on its workers, with the descriptors for them', () => {
    const workers = Number(one(root, 'worker_processes')!.args[0]);
    const perWorker = Number(one(one(root, 'events')!.block!, 'worker_connections')!.args[0]);
    expect(workers * perWorker).toBeGreaterThanOrEqual(2 * 10_000);
    expect(Number(one(root, 'worker_rlimit_nofile')!.args[0])).toBeGreaterThan(perWorker);
  });

  it('runs unprivileged: pid, temp paths and logs inside the prefix', () => {
    expect(one(root, 'pid')!.args).toEqual(['/tmp/ngx/nginx.pid']);
    expect(one(root, 'error_log')!.args[0]).toBe('/tmp/ngx/logs/error.log');
    for (const temp of ['client_body_temp_path', 'proxy_temp_path', 'fastcgi_temp_path', 'uwsgi_temp_path', 'scgi_temp_path']) {
      expect(one(http, temp)!.args[0]).toMatch(/^\/tmp\/ngx\/[a-z_]+_temp$/);
    }
    expect(one(http, 'access_log')!.args).toEqual(['off']);
    expect(one(root, 'user')).toBeUndefined();
    const withLog = parse(
      renderNginxConfig({ upstreams, listenPort: 1, internalPort: 2, webRoot: '/w', prefix: '/p', accessLog: true, user: 'root' }),
    );
    expect(one(one(withLog, 'http')!.block, 'access_log')!.args).toEqual(['/p/logs/access.log', 'json']);
    expect(one(withLog, 'user')!.args).toEqual(['root']);
  });

  it('declares one upstream per service and a sticky one for Socket.IO, none with passive health checks', () => {
    const byName = Object.fromEntries(all(http, 'upstream').map((u) => [u.args[0], u.block!]));
    expect(Object.keys(byName).sort()).toEqual(
      ['svc_any', 'svc_auction_engine', 'svc_auction_engine_sticky', 'svc_auth', 'svc_leagues', 'svc_scoring'].sort(),
    );
    for (const [service, servers] of Object.entries(upstreams)) {
      const block = byName[upstreamName(service as keyof typeof upstreams)]!;
      expect(all(block, 'server').map((s) => s.args)).toEqual(servers.map((s) => [s, 'max_fails=0']));
    }
    expect(all(byName.svc_auction_engine_sticky, 'server').map((s) => s.args)).toEqual(
      upstreams['auction-engine'].map((s) => [s, 'max_fails=0']),
    );
    expect(one(byName.svc_auction_engine_sticky, 'ip_hash')).toBeDefined();
    expect(one(byName.svc_auction_engine, 'ip_hash')).toBeUndefined();
    expect(all(byName.svc_any, 'server')).toHaveLength(7);
  });

  it('sets proxy headers, retries only on connection errors, limits bodies and compresses JSON and JS', () => {
    const headers = all(publicServer, 'proxy_set_header').map((d) => d.args[0]);
    expect(headers).toEqual(expect.arrayContaining(['X-Forwarded-For', 'X-Forwarded-Proto', 'X-Request-Id', 'Host']));
    expect(one(http, 'proxy_next_upstream')!.args).toEqual(['error', 'timeout']);
    expect(one(http, 'client_max_body_size')!.args).toEqual(['6m']);
    expect(one(http, 'gzip')!.args).toEqual(['on']);
    expect(one(http, 'gzip_types')!.args).toEqual(expect.arrayContaining(['application/json', 'application/javascript']));
  });

  it('has a location for every public route of the table, proxied to its service', () => {
    const locations = all(publicServer, 'location');
    for (const route of PUBLIC_ROUTES) {
      const location = locations.find((l) =>
        route.match === 'exact'
          ? l.args[0] === '=' && l.args[1] === route.path
          : l.args.at(-1) === (route.path === '/' ? '/' : `^${route.path.replace('.', '\\.')}(/|$)`),
      );
      expect(location, route.path).toBeDefined();
      const expected = route.target === 'web' ? 'files:/srv/web' : upstreamName(route.target, route.websocket);
      expect(routeOf(location!), route.path).toBe(expected);
    }
    expect(one(publicServer, 'listen')!.args).toEqual(['127.0.0.1:8080']);
    expect(locations.find((l) => l.args.at(-1) === '/')!.block!.find((d) => d.name === 'try_files')!.args).toEqual(['$uri', '/index.html']);
  });

  it('upgrades WebSockets on /socket.io with a long read timeout', () => {
    const socket = all(publicServer, 'location').find((l) => l.args.at(-1)!.includes('socket'))!.block!;
    const headers = Object.fromEntries(all(socket, 'proxy_set_header').map((d) => d.args));
    expect(headers.Upgrade).toBe('$http_upgrade');
    expect(headers.Connection).toBe('$connection_upgrade');
    expect(headers['X-Forwarded-For']).toBe('$proxy_add_x_forwarded_for');
    expect(one(socket, 'proxy_read_timeout')!.args).toEqual(['1h']);
    expect(one(http, 'proxy_http_version')!.args).toEqual(['1.1']);
  });

  it('answers 404 for internal, probe and metrics paths on the public server', () => {
    const privateLocation = all(publicServer, 'location').find((l) => l.args.at(-1)!.includes('internal'))!;
    expect(privateLocation.args.at(-1)).toBe('^/(internal|health|metrics)(/|$)');
    expect(routeOf(privateLocation)).toBe('return:404');
    expect(all(publicServer, 'location').every((l) => !routeOf(l).includes('internal'))).toBe(true);
  });

  it('routes /internal/<service> to its owner on a second server bound to 127.0.0.1', () => {
    expect(one(internalServer, 'listen')!.args).toEqual(['127.0.0.1:8081']);
    const routed = all(internalServer, 'location').map((l) => [l.args.at(-1), routeOf(l)]);
    expect(routed).toEqual([...INTERNAL_ROUTES.map((r) => [`^${r.path}(/|$)`, upstreamName(r.target as 'auth')]), ['/', 'return:404']]);
  });

  it('serves /config.json and adds the Sentry origin to connect-src only with a runtimeDir (as the web image does)', () => {
    const withRuntime = one(
      parse(renderNginxConfig({ upstreams, listenPort: 1, webRoot: '/w', prefix: '/p', runtimeDir: '/p/runtime' })),
      'http',
    )!.block!;
    expect(one(withRuntime, 'include')!.args).toEqual(['/p/runtime/sentry.conf']);
    const config = all(all(withRuntime, 'server')[0]!.block!, 'location').find((l) => l.args.join(' ') === '= /config.json')!;
    expect(one(config.block, 'root')!.args).toEqual(['/p/runtime']);
    expect(one(http, 'include')).toBeUndefined();
    expect(all(publicServer, 'location').some((l) => l.args.join(' ') === '= /config.json')).toBe(false);
  });

  it('refuses a service without replicas', () => {
    expect(() =>
      renderNginxConfig({ upstreams: { ...upstreams, scoring: [] }, listenPort: 1, internalPort: 2, webRoot: '/w', prefix: '/p' }),
    ).toThrow(/scoring/);
  });

  it('leaves the internal server out without internalPort, and logs where containers want it', () => {
    const container = parse(
      renderNginxConfig({
        upstreams,
        listenPort: 8080,
        listenHost: '0.0.0.0',
        webRoot: '/w',
        prefix: '/tmp',
        errorLog: '/dev/stderr',
        accessLog: '/dev/stdout',
      }),
    );
    const h = one(container, 'http')!.block!;
    expect(all(h, 'server')).toHaveLength(1);
    expect(one(all(h, 'server')[0]!.block, 'listen')!.args).toEqual(['0.0.0.0:8080']);
    expect(one(container, 'error_log')!.args[0]).toBe('/dev/stderr');
    expect(one(h, 'access_log')!.args).toEqual(['/dev/stdout', 'json']);
  });

  it('answers on the extra listen addresses too, on the same port, the internal server still on 127.0.0.1 alone', () => {
    const extra = one(
      parse(
        renderNginxConfig({
          upstreams,
          listenPort: 8080,
          internalPort: 8081,
          extraListenHosts: ['10.250.3.1'],
          webRoot: '/w',
          prefix: '/p',
        }),
      ),
      'http',
    )!.block!;
    const [publicOne, internalOne] = all(extra, 'server');
    expect(all(publicOne!.block, 'listen').map((d) => d.args)).toEqual([['127.0.0.1:8080'], ['10.250.3.1:8080']]);
    expect(all(internalOne!.block, 'listen').map((d) => d.args)).toEqual([['127.0.0.1:8081']]);
  });
});

describe('renderWebNginxConfig', () => {
  const web = one(
    parse(renderWebNginxConfig({ listenPort: 8080, probePort: 8081, webRoot: '/srv/web', runtimeDir: '/tmp/runtime', prefix: '/tmp' })),
    'http',
  )!.block!;
  const [site, probes] = all(web, 'server').map((s) => s.block!);

  it('serves the client with the SPA fallback and proxies nothing', () => {
    expect(one(site, 'listen')!.args).toEqual(['8080']);
    expect(all(site, 'location').map(routeOf)).toContain('files:/srv/web');
    expect(all(web, 'upstream')).toEqual([]);
    expect(all(site, 'location').every((l) => !one(l.block, 'proxy_pass'))).toBe(true);
  });

  it('answers 404 for every service path and private path', () => {
    const regexes = all(site, 'location')
      .filter((l) => l.args[0] === '~')
      .map((l) => new RegExp(l.args[1]!));
    for (const path of ['/api/x', '/api/auth/me', '/socket.io/', '/internal/auth', '/metrics', '/health/live']) {
      expect(
        regexes.some((r) => r.test(path)),
        path,
      ).toBe(true);
    }
    expect(regexes.some((r) => r.test('/leagues/1'))).toBe(false);
  });

  it('reads the Sentry origin and /config.json from what the entrypoint writes at start', () => {
    expect(one(web, 'include')!.args).toEqual(['/tmp/runtime/sentry.conf']);
    const config = all(site, 'location').find((l) => l.args.join(' ') === '= /config.json')!;
    expect(one(config.block, 'root')!.args).toEqual(['/tmp/runtime']);
  });

  it('answers probes on their own port', () => {
    expect(one(probes, 'listen')!.args).toEqual(['8081']);
    expect(all(probes, 'location').map((l) => l.args.at(-1))).toEqual(['^/health/(live|ready)$', '/']);
  });
});
