import { PUBLIC_ROUTES, SERVICES, type Route, type ServiceName } from './routes.js';

/**
 * The Kubernetes manifests of cluster mode in production (`k8s/`), as plain objects generated
 * from the route table: `scripts/render-manifests.ts` writes them as YAML, and a unit test
 * proves the committed files still equal this output.
 */
export interface KubernetesOptions {
  namespace: string;
  /** The one application image (`Dockerfile`, default target); each service runs `node apps/<svc>/dist/main.js`. */
  image: string;
  /** The web client image (`Dockerfile`, target `web`): nginx serving the built client. */
  webImage: string;
  /** Pinned release tag of both images; never `latest`. */
  tag: string;
  host: string;
  tlsSecret: string;
  ingressClassName: string;
  replicas: Record<ServiceName | 'web', number>;
  /** The service behind `GET /api/health` (any service answers it; an Ingress path has one backend). */
  healthService: ServiceName;
  /** Secret (created outside the manifests) holding DATABASE_URL, REDIS_URL, JWT_SECRET and optionally SMTP_URL, SENTRY_DSN. */
  secretName: string;
}

export const DEFAULT_KUBERNETES: KubernetesOptions = {
  namespace: 'auction',
  image: 'registry.example.com/auction-platform/app',
  webImage: 'registry.example.com/auction-platform/web',
  tag: '0.1.0',
  host: 'auction.example.org',
  tlsSecret: 'auction-tls',
  ingressClassName: 'nginx',
  replicas: { auth: 2, leagues: 2, 'auction-engine': 3, scoring: 2, web: 2 },
  healthService: 'auth',
  secretName: 'auction-secrets',
};

export const SERVICE_PORT = 3000;
export const WEB_PORT = 8080;
export const WEB_PROBE_PORT = 8081;
export const CONFIG_MAP = 'auction-config';

type Manifest = Record<string, unknown>;
export interface ManifestFile {
  file: string;
  documents: Manifest[];
}

const RESOURCES: Record<ServiceName, { requests: { cpu: string; memory: string }; limits: { cpu: string; memory: string } }> = {
  auth: { requests: { cpu: '100m', memory: '192Mi' }, limits: { cpu: '1', memory: '512Mi' } },
  leagues: { requests: { cpu: '100m', memory: '192Mi' }, limits: { cpu: '1', memory: '512Mi' } },
  'auction-engine': { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '2', memory: '768Mi' } },
  scoring: { requests: { cpu: '100m', memory: '192Mi' }, limits: { cpu: '1', memory: '512Mi' } },
};

/** Secrets are referenced by key, never written here. */
const SECRET_KEYS: Array<{ name: string; optional: boolean }> = [
  { name: 'DATABASE_URL', optional: false },
  { name: 'REDIS_URL', optional: false },
  { name: 'JWT_SECRET', optional: false },
  { name: 'SMTP_URL', optional: true },
  { name: 'SENTRY_DSN', optional: true },
];

function labels(name: string, component: string): Record<string, string> {
  return { 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': 'auction-platform', 'app.kubernetes.io/component': component };
}

function meta(o: KubernetesOptions, name: string, component: string, extra: Manifest = {}): Manifest {
  return { name, namespace: o.namespace, labels: labels(name, component), ...extra };
}

function secretEnv(o: KubernetesOptions, keys = SECRET_KEYS): Manifest[] {
  return keys.map(({ name, optional }) => ({ name, valueFrom: { secretKeyRef: { name: o.secretName, key: name, ...(optional ? { optional: true } : {}) } } }));
}

const CONTAINER_SECURITY = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } };

function podSecurity(uid: number): Manifest {
  return { runAsNonRoot: true, runAsUser: uid, runAsGroup: uid, fsGroup: uid, seccompProfile: { type: 'RuntimeDefault' } };
}

export function renderConfigMap(o: KubernetesOptions): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: meta(o, CONFIG_MAP, 'config'),
    data: {
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      HOST: '0.0.0.0',
      PORT: String(SERVICE_PORT),
      PUBLIC_URL: `https://${o.host}`,
      MAIL_FROM: `no-reply@${o.host}`,
      RATE_LIMITS: 'on',
      SPORTS_ENABLED: 'football,cricket',
      DATA_DIR: '/tmp/data',
      // Service-to-service calls go straight to the owner's Service, never through the Ingress.
      AUTH_URL: 'http://auth',
      LEAGUES_URL: 'http://leagues',
      AUCTIONS_URL: 'http://auction-engine',
      SCORING_URL: 'http://scoring',
    },
  };
}

export function renderServiceDeployment(o: KubernetesOptions, service: ServiceName): Manifest {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(o, service, 'service'),
    spec: {
      replicas: o.replicas[service],
      revisionHistoryLimit: 5,
      selector: { matchLabels: { 'app.kubernetes.io/name': service } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: {
          labels: labels(service, 'service'),
          annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(SERVICE_PORT), 'prometheus.io/path': '/metrics' },
        },
        spec: {
          automountServiceAccountToken: false,
          securityContext: podSecurity(1000),
          terminationGracePeriodSeconds: 30,
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'kubernetes.io/hostname',
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: { 'app.kubernetes.io/name': service } },
            },
          ],
          containers: [
            {
              name: service,
              image: `${o.image}:${o.tag}`,
              imagePullPolicy: 'IfNotPresent',
              command: ['node', `apps/${service}/dist/main.js`],
              ports: [{ name: 'http', containerPort: SERVICE_PORT }],
              envFrom: [{ configMapRef: { name: CONFIG_MAP } }],
              env: secretEnv(o),
              startupProbe: { httpGet: { path: '/health/live', port: 'http' }, periodSeconds: 2, failureThreshold: 30 },
              livenessProbe: { httpGet: { path: '/health/live', port: 'http' }, periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3 },
              readinessProbe: { httpGet: { path: '/health/ready', port: 'http' }, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 3 },
              resources: RESOURCES[service],
              securityContext: CONTAINER_SECURITY,
              // Lets the endpoints controller take the pod out of rotation before Node stops listening.
              lifecycle: { preStop: { exec: { command: ['sleep', '5'] } } },
              volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
            },
          ],
          volumes: [{ name: 'tmp', emptyDir: {} }],
        },
      },
    },
  };
}

export function renderService(o: KubernetesOptions, name: ServiceName | 'web'): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(o, name, name === 'web' ? 'web' : 'service'),
    spec: {
      type: 'ClusterIP',
      selector: { 'app.kubernetes.io/name': name },
      ports: [{ name: 'http', port: 80, targetPort: 'http' }],
    },
  };
}

export function renderWebDeployment(o: KubernetesOptions): Manifest {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(o, 'web', 'web'),
    spec: {
      replicas: o.replicas.web,
      revisionHistoryLimit: 5,
      selector: { matchLabels: { 'app.kubernetes.io/name': 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: { labels: labels('web', 'web') },
        spec: {
          automountServiceAccountToken: false,
          securityContext: podSecurity(101),
          containers: [
            {
              name: 'web',
              image: `${o.webImage}:${o.tag}`,
              imagePullPolicy: 'IfNotPresent',
              ports: [
                { name: 'http', containerPort: WEB_PORT },
                { name: 'probes', containerPort: WEB_PROBE_PORT },
              ],
              livenessProbe: { httpGet: { path: '/health/live', port: 'probes' }, periodSeconds: 10, timeoutSeconds: 2 },
              readinessProbe: { httpGet: { path: '/health/ready', port: 'probes' }, periodSeconds: 5, timeoutSeconds: 2 },
              resources: { requests: { cpu: '20m', memory: '32Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
              securityContext: CONTAINER_SECURITY,
              volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
            },
          ],
          volumes: [{ name: 'tmp', emptyDir: {} }],
        },
      },
    },
  };
}

export function renderAuctionEngineBudget(o: KubernetesOptions): Manifest {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: meta(o, 'auction-engine', 'service'),
    spec: {
      // Keep a majority of the replicas running lots through node drains and upgrades.
      minAvailable: Math.max(1, Math.floor(o.replicas['auction-engine'] / 2) + 1),
      selector: { matchLabels: { 'app.kubernetes.io/name': 'auction-engine' } },
    },
  };
}

/** Jobs are immutable, so each release has its own migration Job. */
export function migrationJobName(tag: string): string {
  return `migrate-${tag.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}`.slice(0, 63).replace(/-+$/, '');
}

export function renderMigrationJob(o: KubernetesOptions): Manifest {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: meta(o, migrationJobName(o.tag), 'migrations'),
    spec: {
      backoffLimit: 3,
      activeDeadlineSeconds: 600,
      ttlSecondsAfterFinished: 86_400,
      template: {
        metadata: { labels: labels('migrate', 'migrations') },
        spec: {
          restartPolicy: 'Never',
          automountServiceAccountToken: false,
          securityContext: podSecurity(1000),
          containers: [
            {
              name: 'migrate',
              image: `${o.image}:${o.tag}`,
              imagePullPolicy: 'IfNotPresent',
              command: ['node', 'apps/standalone/dist/migrate.js'],
              env: [{ name: 'NODE_ENV', value: 'production' }, ...secretEnv(o, SECRET_KEYS.filter((k) => k.name === 'DATABASE_URL'))],
              resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '1', memory: '512Mi' } },
              securityContext: CONTAINER_SECURITY,
            },
          ],
        },
      },
    },
  };
}

/** One Ingress path per route of the table, in its order. */
export function ingressPaths(o: KubernetesOptions, routes: readonly Route[]): Manifest[] {
  return routes.map((route) => ({
    path: route.path,
    pathType: route.match === 'exact' ? 'Exact' : 'Prefix',
    backend: { service: { name: route.target === 'any' ? o.healthService : route.target, port: { name: 'http' } } },
  }));
}

/**
 * Two Ingresses for ingress-nginx: the HTTP routes, and the WebSocket route with cookie
 * affinity (Socket.IO long-polling) and long timeouts. `/internal`, `/health` and `/metrics`
 * are not listed; they fall to the web client's nginx, which answers 404.
 */
export function renderIngresses(o: KubernetesOptions): Manifest[] {
  const http = PUBLIC_ROUTES.filter((r) => !r.websocket);
  const realtime = PUBLIC_ROUTES.filter((r) => r.websocket);
  const ingress = (name: string, routes: readonly Route[], annotations: Record<string, string>): Manifest => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: meta(o, name, 'ingress', { annotations }),
    spec: {
      ingressClassName: o.ingressClassName,
      tls: [{ hosts: [o.host], secretName: o.tlsSecret }],
      rules: [{ host: o.host, http: { paths: ingressPaths(o, routes) } }],
    },
  });
  const common = {
    'nginx.ingress.kubernetes.io/proxy-body-size': '6m',
    'nginx.ingress.kubernetes.io/ssl-redirect': 'true',
    'nginx.ingress.kubernetes.io/proxy-next-upstream': 'error timeout',
  };
  return [
    ingress('auction-platform', http, common),
    ingress('auction-platform-realtime', realtime, {
      ...common,
      'nginx.ingress.kubernetes.io/affinity': 'cookie',
      'nginx.ingress.kubernetes.io/session-cookie-name': 'auction_io',
      'nginx.ingress.kubernetes.io/proxy-read-timeout': '3600',
      'nginx.ingress.kubernetes.io/proxy-send-timeout': '3600',
    }),
  ];
}

export function renderKubernetes(o: KubernetesOptions = DEFAULT_KUBERNETES): ManifestFile[] {
  const files: ManifestFile[] = [
    { file: 'namespace.yaml', documents: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: o.namespace, labels: { 'app.kubernetes.io/part-of': 'auction-platform' } } }] },
    { file: 'configmap.yaml', documents: [renderConfigMap(o)] },
    { file: 'migrate-job.yaml', documents: [renderMigrationJob(o)] },
    ...SERVICES.map((service) => ({
      file: `${service}.yaml`,
      documents: [
        renderServiceDeployment(o, service),
        renderService(o, service),
        ...(service === 'auction-engine' ? [renderAuctionEngineBudget(o)] : []),
      ],
    })),
    { file: 'web.yaml', documents: [renderWebDeployment(o), renderService(o, 'web')] },
    { file: 'ingress.yaml', documents: renderIngresses(o) },
  ];
  files.push({
    file: 'kustomization.yaml',
    documents: [{ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: files.map((f) => f.file) }],
  });
  return files;
}

/**
 * The Helm chart's Ingress template: the same paths from the same table, with the host, class,
 * TLS and release names left to the chart's values.
 */
export function renderHelmIngressTemplate(o: Pick<KubernetesOptions, 'healthService'> = DEFAULT_KUBERNETES): string {
  const paths = (routes: readonly Route[]) =>
    routes.flatMap((route) => [
      `          - path: ${route.path}`,
      `            pathType: ${route.match === 'exact' ? 'Exact' : 'Prefix'}`,
      '            backend:',
      '              service:',
      `                name: {{ include "auction.fullname" $ }}-${route.target === 'any' ? o.healthService : route.target}`,
      '                port:',
      '                  name: http',
    ]);
  const ingress = (suffix: string, routes: readonly Route[], extraAnnotations: string[]) => [
    '---',
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    'metadata:',
    `  name: {{ include "auction.fullname" . }}${suffix}`,
    '  labels:',
    '    {{- include "auction.labels" . | nindent 4 }}',
    '  annotations:',
    '    nginx.ingress.kubernetes.io/proxy-body-size: 6m',
    '    nginx.ingress.kubernetes.io/proxy-next-upstream: error timeout',
    ...extraAnnotations,
    '    {{- with .Values.ingress.annotations }}',
    '    {{- toYaml . | nindent 4 }}',
    '    {{- end }}',
    'spec:',
    '  ingressClassName: {{ .Values.ingress.className | quote }}',
    '  {{- if .Values.ingress.tls.enabled }}',
    '  tls:',
    '    - hosts:',
    '        {{- range .Values.ingress.hosts }}',
    '        - {{ . | quote }}',
    '        {{- end }}',
    '      secretName: {{ .Values.ingress.tls.secretName }}',
    '  {{- end }}',
    '  rules:',
    '    {{- range .Values.ingress.hosts }}',
    '    - host: {{ . | quote }}',
    '      http:',
    '        paths:',
    ...paths(routes),
    '    {{- end }}',
  ];
  return [
    '{{- /* Generated by scripts/render-manifests.ts from libs/shared/cluster/src/routes.ts; do not edit. */}}',
    '{{- if .Values.ingress.enabled }}',
    ...ingress('', PUBLIC_ROUTES.filter((r) => !r.websocket), []),
    ...ingress('-realtime', PUBLIC_ROUTES.filter((r) => r.websocket), [
      '    nginx.ingress.kubernetes.io/affinity: cookie',
      '    nginx.ingress.kubernetes.io/session-cookie-name: auction_io',
      '    nginx.ingress.kubernetes.io/proxy-read-timeout: "3600"',
      '    nginx.ingress.kubernetes.io/proxy-send-timeout: "3600"',
    ]),
    '{{- end }}',
    '',
  ].join('\n');
}
