import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { CHART_DIR, RENDER_COMMAND, chartRoutes, generatedFiles } from './generated.js';
import { DEFAULT_REPLICAS } from './launcher.js';
import { INTERNAL_ROUTES, PUBLIC_ROUTES, SERVICES } from './routes.js';

/**
 * Files generated from the route table, the alerts and the dashboards must equal the
 * generator's output; the chart's values schema must describe every value. The rendered chart
 * itself is checked with the real helm in test/deploy/helm-chart.test.ts.
 */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('generated files', () => {
  it.each(generatedFiles((doc) => stringify(doc, { lineWidth: 0 })).map((f) => [f.path, f.content]))(
    '%s is up to date',
    (path, content) => {
      expect(read(path), `regenerate with: ${RENDER_COMMAND}`).toBe(content);
    },
  );

  it('give the chart every route of the table, health to one service', () => {
    const routes = chartRoutes();
    expect(routes.public.map((r) => r.path)).toEqual(PUBLIC_ROUTES.map((r) => r.path));
    expect(routes.internal.map((r) => r.backend)).toEqual(INTERNAL_ROUTES.map((r) => r.target));
    expect(routes.public.find((r) => r.path === '/api/health')).toMatchObject({ pathType: 'Exact', backend: 'auth' });
    expect(routes.public.filter((r) => r.websocket).map((r) => r.path)).toEqual(['/socket.io']);
  });
});

describe('helm/auction-platform/values.schema.json', () => {
  const values = parse(read(`${CHART_DIR}/values.yaml`));
  const schema = JSON.parse(read(`${CHART_DIR}/values.schema.json`));
  const resolve = (node: any): any => {
    if (node?.$ref)
      return resolve(
        node.$ref
          .replace('#/', '')
          .split('/')
          .reduce((n: any, k: string) => n[k], schema),
      );
    if (node?.allOf) return resolve(node.allOf[0]);
    return node;
  };

  /** Every value path in values.yaml, down to the leaves (maps with free keys stop at the map). */
  function uncovered(value: unknown, node: any, path: string): string[] {
    const at = resolve(node);
    if (!at) return [path];
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      return at.type || at.enum || at.$ref || at.pattern ? [] : [path];
    if (at.additionalProperties && typeof at.additionalProperties === 'object') return [];
    return Object.entries(value).flatMap(([key, v]) =>
      at.properties?.[key] ? uncovered(v, at.properties[key], `${path}.${key}`) : [`${path}.${key}`],
    );
  }

  it('describes every value of values.yaml, with a type', () => {
    expect(uncovered(values, schema, 'values')).toEqual([]);
  });

  it('refuses unknown values at every level', () => {
    const open: string[] = [];
    const walk = (node: any, path: string) => {
      const at = resolve(node);
      if (at?.type !== 'object' || !at.properties) return;
      if (at.additionalProperties !== false) open.push(path);
      for (const [k, child] of Object.entries(at.properties)) walk(child, `${path}.${k}`);
    };
    walk(schema, 'values');
    expect(open).toEqual([]);
  });

  it('keeps the cluster-mode replica defaults', () => {
    for (const service of SERVICES) expect(values.services[service].replicas).toBe(DEFAULT_REPLICAS[service]);
    expect(values.services['auction-engine'].autoscaling.minReplicas).toBeGreaterThanOrEqual(2);
  });
});

describe('docker-compose.yml and Dockerfile', () => {
  const compose = parseAllDocuments(read('docker-compose.yml'), { merge: true })[0]!.toJS({ maxAliasCount: -1 }) as any;

  it('runs postgres, redis, the migration, the four services and nginx', () => {
    expect(Object.keys(compose.services).sort()).toEqual([
      'auction-engine',
      'auth',
      'leagues',
      'migrate',
      'nginx',
      'postgres',
      'redis',
      'scoring',
    ]);
    for (const service of SERVICES) {
      expect(compose.services[service].command).toEqual(['node', `apps/${service}/dist/main.js`]);
      expect(compose.services[service].depends_on.migrate.condition).toBe('service_completed_successfully');
    }
    expect(compose.services.migrate.command).toEqual(['node', 'apps/standalone/dist/migrate.js']);
    expect(compose.services['auction-engine'].deploy.replicas).toBe(DEFAULT_REPLICAS['auction-engine']);
    expect(compose.services.nginx.volumes).toContain('./ops/nginx/compose.conf:/etc/nginx/auction/compose.conf:ro');
    // The web image's entrypoint tells the browser the same Sentry DSN as the services get.
    expect(compose.services.nginx.environment.SENTRY_DSN).toBe(compose.services.auth.environment.SENTRY_DSN);
  });

  it('keeps secrets out of the file and pins images', () => {
    const env = compose.services.auth.environment;
    expect(env.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?/);
    expect(env.DATABASE_URL).toContain('${POSTGRES_PASSWORD:?');
    expect(compose.services.postgres.environment.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    for (const [name, service] of Object.entries<any>(compose.services)) expect(service.image, name).toMatch(/:[^:]+$/);
    expect(read('docker-compose.yml')).not.toMatch(/:latest\b/);
  });

  it('builds one app image and a web image in stages', () => {
    const dockerfile = read('Dockerfile');
    expect([...dockerfile.matchAll(/^FROM \S+ AS (\w+)/gm)].map((m) => m[1])).toEqual(['build', 'web', 'app']);
    expect(dockerfile).toContain('COPY ops/nginx/web.conf');
    expect(dockerfile).toMatch(/^ENTRYPOINT \["\/usr\/local\/bin\/web-entrypoint\.sh"\]$/m);
    expect(dockerfile).not.toMatch(/:latest\b/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(read('.dockerignore')).toMatch(/^node_modules$/m);
  });
});
