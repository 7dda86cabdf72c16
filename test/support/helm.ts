import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { HELM, REPO_ROOT, tool } from './tools.js';

export const CHART = join(REPO_ROOT, 'helm/auction-platform');

/** How `k8s/` is rendered: the chart with its own documented values.yaml, release `auction-platform` in namespace `auction`. */
export const K8S_RELEASE = { name: 'auction-platform', namespace: 'auction' } as const;
export const K8S_FILE = 'k8s/auction-platform.yaml';
export const K8S_HEADER =
  '# Rendered from helm/auction-platform with its values.yaml (release auction-platform, namespace auction); do not edit.\n' +
  '# Regenerate: npm run generate. Apply: kubectl apply -n auction -f k8s/ (see docs/operations.md).\n';

export interface HelmRun {
  valuesFiles?: string[];
  set?: string[];
  release?: string;
  namespace?: string;
}

function args({ valuesFiles = [], set = [] }: HelmRun): string[] {
  return [...valuesFiles.flatMap((f) => ['--values', f]), ...set.flatMap((s) => ['--set', s])];
}

/** `helm template`'s output text; throws with helm's message when the chart or the values are refused. */
export function helmTemplateText(run: HelmRun = {}): string {
  return execFileSync(
    tool(HELM),
    ['template', run.release ?? K8S_RELEASE.name, CHART, '--namespace', run.namespace ?? K8S_RELEASE.namespace, ...args(run)],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

/** Every rendered object, parsed. */
export function helmTemplate(run: HelmRun = {}): any[] {
  return parseAllDocuments(helmTemplateText(run))
    .map((doc) => doc.toJS())
    .filter((doc) => doc !== null);
}

/** `helm lint --strict`: exit code and output. */
export function helmLint(run: HelmRun = {}): { ok: boolean; output: string } {
  try {
    return {
      ok: true,
      output: execFileSync(tool(HELM), ['lint', '--strict', CHART, ...args(run)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
    };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/** The committed k8s/ file's expected content. */
export function renderK8s(): string {
  return K8S_HEADER + helmTemplateText();
}
