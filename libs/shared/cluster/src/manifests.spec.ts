import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { RENDER_COMMAND, generatedFiles } from './generated.js';
import { DEFAULT_KUBERNETES } from './k8s.js';
import { DEFAULT_REPLICAS } from './launcher.js';
import { PUBLIC_ROUTES, SERVICES } from './routes.js';

/**
 * The deployment files cannot run here (no Docker engine, no helm, no cluster), so they are
 * checked as data: generated files must equal the generator's output, and the rest is parsed
 * and held to the route table and to our rules (pinned images, probes, no inline secrets).
 */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const docsOf = (path: string) => parseAllDocuments(read(path)).map((d) => d.toJS({ maxAliasCount: -1 }) as any);
const k8sDocs = () =>
  readdirSync(join(ROOT, 'k8s'))
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => docsOf(`k8s/${f}`).map((doc) => ({ file: f, doc })));

describe('generated deployment files', () => {
  it.each(generatedFiles((doc) => stringify(doc, { lineWidth: 0 })).map((f) => [f.path, f.content]))(
    '%s is up to date with the route table',
    (path, content) => {
      expect(read(path), `regenerate with: ${RENDER_COMMAND}`).toBe(content);
    },
  );
});

describe('k8s/', () => {
  const all = k8sDocs();
  const kinds = (kind: string) => all.filter((d) => d.doc.kind === kind).map((d) => d.doc);

  it('routes exactly the paths of the table, each to its service, and nothing internal', () => {
    const ingresses = docsOf('k8s/ingress.yaml');
    const routed = ingresses.flatMap((ing) =>
      ing.spec.rules.flatMap((rule: any) => rule.http.paths.map((p: any) => [p.path, p.pathType, p.backend.service.name])),
    );
    expect(routed.map((r: string[]) => r[0]).sort()).toEqual(PUBLIC_ROUTES.map((r) => r.path).sort());
    for (const route of PUBLIC_ROUTES) {
      const [, pathType, backend] = routed.find((r: string[]) => r[0] === route.path)!;
      expect(backend, route.path).toBe(route.target === 'any' ? DEFAULT_KUBERNETES.healthService : route.target);
      expect(pathType, route.path).toBe(route.match === 'exact' ? 'Exact' : 'Prefix');
    }
    expect(routed.some((r: string[]) => /internal|metrics|^\/health/.test(r[0]))).toBe(false);
    const realtime = ingresses.find((i) => i.spec.rules[0].http.paths.some((p: any) => p.path === '/socket.io'))!;
    expect(realtime.metadata.annotations['nginx.ingress.kubernetes.io/affinity']).toBe('cookie');
    expect(Number(realtime.metadata.annotations['nginx.ingress.kubernetes.io/proxy-read-timeout'])).toBeGreaterThanOrEqual(3600);
    for (const ing of ingresses) expect(ing.metadata.annotations['nginx.ingress.kubernetes.io/proxy-body-size']).toBe('6m');
  });

  it('has a Deployment and a Service per service and for web, with the default replicas', () => {
    const deployments = Object.fromEntries(kinds('Deployment').map((d) => [d.metadata.name, d]));
    expect(Object.keys(deployments).sort()).toEqual([...SERVICES, 'web'].sort());
    expect(kinds('Service').map((s) => s.metadata.name).sort()).toEqual([...SERVICES, 'web'].sort());
    for (const service of SERVICES) {
      expect(deployments[service].spec.replicas).toBe(DEFAULT_REPLICAS[service]);
      const [container] = deployments[service].spec.template.spec.containers;
      expect(container.command).toEqual(['node', `apps/${service}/dist/main.js`]);
      expect(container.livenessProbe.httpGet.path).toBe('/health/live');
      expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
      expect(container.resources.requests).toBeDefined();
      expect(container.resources.limits.memory).toBeDefined();
      expect(container.envFrom).toEqual([{ configMapRef: { name: 'auction-config' } }]);
    }
  });

  it('pins every image to a release tag', () => {
    const images = all.flatMap(({ doc }) => (doc.spec?.template?.spec?.containers ?? []).map((c: any) => c.image as string));
    expect(images.length).toBeGreaterThanOrEqual(6);
    for (const image of images) expect(image).toMatch(/:(?!latest$)[\w.-]+$/);
  });

  it('references secrets by key and never writes one', () => {
    expect(kinds('Secret')).toEqual([]);
    const config = kinds('ConfigMap')[0];
    expect(Object.keys(config.data)).not.toEqual(expect.arrayContaining(['JWT_SECRET']));
    for (const key of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'SMTP_URL', 'SENTRY_DSN']) expect(config.data[key]).toBeUndefined();
    const env = kinds('Deployment').flatMap((d) => d.spec.template.spec.containers.flatMap((c: any) => c.env ?? []));
    for (const entry of env.filter((e: any) => /URL|SECRET|DSN/.test(e.name) && e.name !== 'PUBLIC_URL')) {
      expect(entry.value, entry.name).toBeUndefined();
      expect(entry.valueFrom.secretKeyRef.name).toBe(DEFAULT_KUBERNETES.secretName);
    }
  });

  it('migrates with a Job and protects auction-engine with a PodDisruptionBudget', () => {
    const [job] = kinds('Job');
    expect(job.spec.template.spec.containers[0].command).toEqual(['node', 'apps/standalone/dist/migrate.js']);
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
    const [pdb] = kinds('PodDisruptionBudget');
    expect(pdb.spec.selector.matchLabels['app.kubernetes.io/name']).toBe('auction-engine');
    expect(pdb.spec.minAvailable).toBe(2);
  });

  it('lists every manifest in the kustomization', () => {
    const files = readdirSync(join(ROOT, 'k8s')).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
    expect(parse(read('k8s/kustomization.yaml')).resources.sort()).toEqual(files.sort());
  });
});

describe('helm/auction-platform', () => {
  const chart = 'helm/auction-platform';
  const templates = readdirSync(join(ROOT, chart, 'templates')).map((f) => [f, read(`${chart}/templates/${f}`)] as const);

  it('has a chart, values with pinned tags and the default replicas, and a schema that refuses latest', () => {
    const meta = parse(read(`${chart}/Chart.yaml`));
    expect(meta).toMatchObject({ apiVersion: 'v2', name: 'auction-platform', type: 'application' });
    const values = parse(read(`${chart}/values.yaml`));
    expect(values.image.tag).not.toBe('latest');
    expect(values.webImage.tag).not.toBe('latest');
    expect(Object.keys(values.services).sort()).toEqual([...SERVICES].sort());
    for (const service of SERVICES) expect(values.services[service].replicas).toBe(DEFAULT_REPLICAS[service]);
    expect(values.secrets).toEqual({ existingSecret: DEFAULT_KUBERNETES.secretName });
    const schema = JSON.parse(read(`${chart}/values.schema.json`));
    expect(schema.definitions.pinnedTag.not.enum).toContain('latest');
    expect(schema.properties.secrets.additionalProperties).toBe(false);
  });

  it('routes the Ingress template paths of the table', () => {
    const ingress = templates.find(([f]) => f === 'ingress.yaml')![1];
    const paths = [...ingress.matchAll(/- path: (\S+)\n\s+pathType: (\w+)\n[\s\S]*?name: \{\{ include "auction.fullname" \$ \}\}-([\w-]+)/g)].map((m) => [m[1], m[2], m[3]]);
    expect(paths).toEqual(
      [...PUBLIC_ROUTES.filter((r) => !r.websocket), ...PUBLIC_ROUTES.filter((r) => r.websocket)].map((r) => [
        r.path,
        r.match === 'exact' ? 'Exact' : 'Prefix',
        r.target === 'any' ? DEFAULT_KUBERNETES.healthService : r.target,
      ]),
    );
  });

  it('runs migrations as a pre-install/pre-upgrade hook Job', () => {
    const job = templates.find(([f]) => f === 'migrate-job.yaml')![1];
    expect(job).toContain('"helm.sh/hook": pre-install,pre-upgrade');
    expect(job).toContain('command: ["node", "apps/standalone/dist/migrate.js"]');
    expect(job).not.toContain('configMapRef');
  });

  it('templates every service with probes, resources and secrets by reference only', () => {
    const services = templates.find(([f]) => f === 'services.yaml')![1];
    expect(services).toContain('command: ["node", "apps/{{ $name }}/dist/main.js"]');
    expect(services).toContain('path: /health/live');
    expect(services).toContain('path: /health/ready');
    expect(services).toContain('toYaml $svc.resources');
    for (const [file, text] of templates) {
      expect(text, file).not.toMatch(/^kind: Secret/m);
      expect(text, file).not.toMatch(/:latest\b/);
    }
  });

  it('has balanced template actions in every file', () => {
    for (const [file, text] of templates) {
      expect(text.split('{{').length, file).toBe(text.split('}}').length);
      const opens = (text.match(/\{\{-?\s*(if|range|with|define)\b/g) ?? []).length;
      const ends = (text.match(/\{\{-?\s*end\s*-?\}\}/g) ?? []).length;
      expect(ends, file).toBe(opens);
    }
  });
});

describe('docker-compose.yml and Dockerfile', () => {
  const compose = parseAllDocuments(read('docker-compose.yml'), { merge: true })[0]!.toJS({ maxAliasCount: -1 }) as any;

  it('runs postgres, redis, the migration, the four services and nginx', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['auction-engine', 'auth', 'leagues', 'migrate', 'nginx', 'postgres', 'redis', 'scoring']);
    for (const service of SERVICES) {
      expect(compose.services[service].command).toEqual(['node', `apps/${service}/dist/main.js`]);
      expect(compose.services[service].depends_on.migrate.condition).toBe('service_completed_successfully');
    }
    expect(compose.services.migrate.command).toEqual(['node', 'apps/standalone/dist/migrate.js']);
    expect(compose.services['auction-engine'].deploy.replicas).toBe(DEFAULT_REPLICAS['auction-engine']);
    expect(compose.services.nginx.volumes).toContain('./ops/nginx/compose.conf:/etc/nginx/auction/compose.conf:ro');
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
    expect(dockerfile).not.toMatch(/:latest\b/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(read('.dockerignore')).toMatch(/^node_modules$/m);
  });
});
