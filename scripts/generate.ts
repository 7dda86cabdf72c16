/**
 * `npm run generate`: writes every generated file (libs/shared/cluster/src/generated.ts: the
 * chart's route fragment, alert rules and dashboards, the nginx configurations, ops/prometheus
 * and ops/grafana), then renders k8s/ from the Helm chart with `helm template`. Unit and
 * integration tests fail while any of them is stale.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { generatedFiles } from '@auction/cluster';
import { K8S_FILE, renderK8s } from '../test/support/helm.js';
import { REPO_ROOT } from '../test/support/tools.js';

const files = generatedFiles((doc) => stringify(doc, { lineWidth: 0 }));
for (const { path, content } of files) write(path, content);
write(K8S_FILE, renderK8s());

function write(path: string, content: string): void {
  const file = join(REPO_ROOT, path);
  if (existsSync(file) && readFileSync(file, 'utf8') === content) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  process.stdout.write(`wrote ${path}\n`);
}
