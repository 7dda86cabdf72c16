import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { answers, spawnManaged, waitUntil, type ReplicaInfo } from '@auction/cluster';
import { freePort } from '@auction/db';
import { PROMETHEUS, REPO_ROOT, tool } from './tools.js';

export interface RunningPrometheus {
  url: string;
  /** An instant query's result vector (throws on a query error). */
  query(expr: string): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>>;
  /** The rule groups as Prometheus evaluated them (`/api/v1/rules`). */
  rules(): Promise<Array<{ name: string; rules: Array<{ name: string; health: string; lastError?: string }> }>>;
  stop(): Promise<void>;
}

/**
 * A real Prometheus (Debian's package) on a free port with a private data folder, scraping every
 * replica's /metrics each second as job `auction-platform` with a `service` label (what the
 * chart's ServiceMonitor gives in Kubernetes), and evaluating ops/prometheus/alerts.yml.
 */
export async function startPrometheus(replicas: readonly ReplicaInfo[]): Promise<RunningPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'prometheus-'));
  const port = await freePort();
  const config = {
    global: { scrape_interval: '1s', evaluation_interval: '1s', scrape_timeout: '900ms' },
    rule_files: [join(REPO_ROOT, 'ops/prometheus/alerts.yml')],
    scrape_configs: [
      {
        job_name: 'auction-platform',
        static_configs: replicas.map((r) => ({ targets: [`127.0.0.1:${r.port}`], labels: { service: r.service } })),
      },
    ],
  };
  writeFileSync(join(dir, 'prometheus.yml'), stringify(config));
  const url = `http://127.0.0.1:${port}`;
  const process = spawnManaged('prometheus', tool(PROMETHEUS), [
    `--config.file=${join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--log.level=warn',
  ]);
  const stop = async () => {
    await process.stop('SIGTERM', 10_000);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntil(() => answers(`${url}/-/ready`), { timeoutMs: 30_000, process, what: 'Prometheus ready' });
  } catch (error) {
    await stop();
    throw error;
  }
  const api = async (path: string) => {
    const body = (await fetch(`${url}${path}`, { signal: AbortSignal.timeout(10_000) }).then((r) => r.json())) as {
      status: string;
      data: any;
      error?: string;
    };
    if (body.status !== 'success') throw new Error(`Prometheus ${path}: ${body.error}`);
    return body.data;
  };
  return {
    url,
    query: async (expr) => (await api(`/api/v1/query?query=${encodeURIComponent(expr)}`)).result,
    rules: async () => (await api('/api/v1/rules')).groups,
    stop,
  };
}
