import { renderAlertRules } from './alerts.js';
import { DASHBOARDS, renderDashboard } from './dashboards.js';
import { renderNginxConfig, renderWebNginxConfig } from './nginx.js';
import { INTERNAL_ROUTES, PUBLIC_ROUTES, SERVICES, type Route, type ServiceName } from './routes.js';

/** A file in the repository that is generated from the sources here; never edited by hand. */
export interface GeneratedFile {
  /** Relative to the repository root. */
  path: string;
  content: string;
}

export const RENDER_COMMAND = 'npm run generate';

/** Ports inside the containers: every service on 3000, the web image on 8080 (probes 8081). */
export const SERVICE_PORT = 3000;
export const WEB_PORT = 8080;
export const WEB_PROBE_PORT = 8081;

/** Where the web image and the docker-compose nginx keep the built client. */
export const CONTAINER_WEB_ROOT = '/usr/share/nginx/html';
/** Where the web image's entrypoint writes what depends on its environment (`/tmp` is its only writable folder); compose's nginx runs that image too. */
export const CONTAINER_WEB_RUNTIME_DIR = '/tmp/runtime';

export const CHART_DIR = 'helm/auction-platform';

/** The service behind `GET /api/health` in Kubernetes (any service answers it; an Ingress path has one backend). */
export const HEALTH_SERVICE: ServiceName = 'auth';

/** One route as the chart's Ingress and NetworkPolicies consume it. */
export interface ChartRoute {
  path: string;
  pathType: 'Exact' | 'Prefix';
  /** A service of the chart, or `web`. */
  backend: ServiceName | 'web';
  websocket: boolean;
}

/**
 * The route table as a values fragment for the Helm chart (`files/routes.yaml`, read with
 * `.Files.Get`): the public routes the Ingress lists and the internal routes services call
 * each other on, which the NetworkPolicies admit.
 */
export function chartRoutes(): { public: ChartRoute[]; internal: ChartRoute[] } {
  const toChart = (route: Route): ChartRoute => ({
    path: route.path,
    pathType: route.match === 'exact' ? 'Exact' : 'Prefix',
    backend: route.target === 'any' ? HEALTH_SERVICE : route.target,
    websocket: route.websocket ?? false,
  });
  return { public: PUBLIC_ROUTES.map(toChart), internal: INTERNAL_ROUTES.map(toChart) };
}

/**
 * Every generated file: from the route table, the chart's route fragment and the nginx
 * configurations of the web image and of docker-compose; from `alerts.ts` and `dashboards.ts`,
 * the Prometheus rules and the Grafana dashboards (for Prometheus/Grafana outside Kubernetes,
 * and as chart files for the PrometheusRule and the dashboards ConfigMap). `toYaml` turns one
 * document into YAML text.
 * `k8s/` is rendered from the chart by `helm template` (scripts/generate.ts).
 */
export function generatedFiles(toYaml: (document: unknown) => string): GeneratedFile[] {
  const header = `# Generated from libs/shared/cluster/src; do not edit. Regenerate: ${RENDER_COMMAND}\n`;
  const containerNginx = { prefix: '/tmp', errorLog: '/dev/stderr', accessLog: '/dev/stdout', workerProcesses: 'auto' as const };
  const alerts = header + toYaml(renderAlertRules());
  const dashboards = Object.entries(DASHBOARDS).map(([name, spec]) => ({ name, content: `${JSON.stringify(renderDashboard(spec), null, 2)}\n` }));
  return [
    { path: `${CHART_DIR}/files/routes.yaml`, content: header + toYaml(chartRoutes()) },
    { path: `${CHART_DIR}/files/prometheus-rules.yaml`, content: alerts },
    ...dashboards.map((d) => ({ path: `${CHART_DIR}/files/dashboards/${d.name}.json`, content: d.content })),
    {
      path: 'ops/nginx/web.conf',
      content: renderWebNginxConfig({ ...containerNginx, listenPort: WEB_PORT, probePort: WEB_PROBE_PORT, webRoot: CONTAINER_WEB_ROOT, runtimeDir: CONTAINER_WEB_RUNTIME_DIR }),
    },
    {
      path: 'ops/nginx/compose.conf',
      content: renderNginxConfig({
        ...containerNginx,
        // docker-compose's DNS gives every replica of a service under the service's name.
        upstreams: Object.fromEntries(SERVICES.map((s) => [s, [`${s}:${SERVICE_PORT}`]])) as Record<ServiceName, string[]>,
        listenHost: '0.0.0.0',
        listenPort: WEB_PORT,
        webRoot: CONTAINER_WEB_ROOT,
        runtimeDir: CONTAINER_WEB_RUNTIME_DIR,
      }),
    },
    { path: 'ops/prometheus/alerts.yml', content: alerts },
    ...dashboards.map((d) => ({ path: `ops/grafana/${d.name}.json`, content: d.content })),
  ];
}
