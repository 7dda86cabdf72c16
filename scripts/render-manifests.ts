/**
 * Writes every file generated from the route table (libs/shared/cluster/src/routes.ts):
 * k8s/*.yaml, helm/auction-platform/templates/ingress.yaml, ops/nginx/web.conf and
 * ops/nginx/compose.conf. With --check, writes nothing and fails when a file is out of date.
 *
 *   npx tsx --conditions=@auction/source scripts/render-manifests.ts [--check]
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { generatedFiles } from '@auction/cluster';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');
const stale: string[] = [];

for (const { path, content } of generatedFiles((doc) => stringify(doc, { lineWidth: 0 }))) {
  const file = join(root, path);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (current === content) continue;
  if (check) {
    stale.push(path);
    continue;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  process.stdout.write(`wrote ${path}\n`);
}

if (stale.length > 0) {
  process.stderr.write(`Out of date (run without --check to regenerate):\n${stale.map((p) => `  ${p}`).join('\n')}\n`);
  process.exit(1);
}
