import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runToCompletion } from './processes.js';

/** The repository root (this file is `libs/shared/cluster/{src,dist}/release-build.*`). */
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** Names the release now in production: one commit, in full, after any `#` comment lines. */
export const PREVIOUS_RELEASE_FILE = 'ops/previous-release';
/** Built releases, one folder per commit (git-ignored). */
export const RELEASES_CACHE = '.cache/releases';
const BUILT_MARKER = '.built';
const STEP_TIMEOUT_MS = 10 * 60_000;

export interface ReleaseBuild {
  commit: string;
  /** A checkout of the commit with its own `node_modules` and `dist/` folders: a `rootDir` for `startCluster`. */
  dir: string;
  /** Whether this call built it (false: it was in the cache). */
  built: boolean;
}

/** The commit `ops/previous-release` names (not checked against the repository). */
export function previousReleaseCommit(rootDir = REPO_ROOT): string {
  const lines = readFileSync(join(rootDir, PREVIOUS_RELEASE_FILE), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  if (lines.length !== 1 || !/^[0-9a-f]{40}$/.test(lines[0]!))
    throw new Error(`${PREVIOUS_RELEASE_FILE} must hold one commit as 40 lowercase hex digits, found: ${JSON.stringify(lines)}`);
  return lines[0]!;
}

/** Where `commit`'s build lives in the cache, built or not. */
export function releaseDir(commit: string, rootDir = REPO_ROOT): string {
  return join(rootDir, RELEASES_CACHE, commit);
}

/**
 * Builds `commit` into `.cache/releases/<commit>/` once and reuses it afterwards: `git archive` of
 * the commit, `npm ci` from the local npm cache where it can, and its own `tsc -b
 * tsconfig.build.json` (the services and their libs; the web bundle is not needed to run a
 * replica). A shallow clone is deepened when it lacks the commit. Logs each step with `say`.
 */
export async function buildRelease(
  commit: string,
  options: { rootDir?: string; say?: (line: string) => void } = {},
): Promise<ReleaseBuild> {
  const rootDir = options.rootDir ?? REPO_ROOT;
  const say = options.say ?? (() => {});
  const dir = releaseDir(commit, rootDir);
  if (existsSync(join(dir, BUILT_MARKER))) return { commit, dir, built: false };

  ensureCommit(rootDir, commit, say);
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  try {
    const started = Date.now();
    const step = async (what: string, command: string, args: string[], cwd?: string) => {
      const begun = Date.now();
      await run(command, args, cwd);
      say(`release ${commit.slice(0, 12)}: ${what} in ${seconds(begun)} s`);
    };
    say(`release ${commit.slice(0, 12)}: building into ${partial}`);
    await step('git archive', 'git', ['-C', rootDir, 'archive', '--format=tar', `--output=${partial}/source.tar`, commit]);
    await step('extracted', 'tar', ['-xf', 'source.tar'], partial);
    rmSync(join(partial, 'source.tar'));
    await step('npm ci', 'npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], partial);
    await step('tsc -b tsconfig.build.json', join(partial, 'node_modules/.bin/tsc'), ['-b', 'tsconfig.build.json'], partial);
    writeFileSync(join(partial, BUILT_MARKER), `${commit} built in ${seconds(started)} s\n`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
    removeOtherReleases(dir);
    say(`release ${commit.slice(0, 12)}: built in ${seconds(started)} s`);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
  return { commit, dir, built: true };
}

/** Fails unless `commit` is this repository's HEAD or one of its ancestors. */
export function assertAncestorOfHead(commit: string, options: { rootDir?: string; say?: (line: string) => void } = {}): void {
  const rootDir = options.rootDir ?? REPO_ROOT;
  ensureCommit(rootDir, commit, options.say ?? (() => {}));
  const check = spawnSync('git', ['-C', rootDir, 'merge-base', '--is-ancestor', commit, 'HEAD']);
  if (check.status !== 0)
    throw new Error(`${PREVIOUS_RELEASE_FILE} names ${commit}, which is not an ancestor of HEAD: name a commit this branch was built on`);
}

/** A release folder holds ~900 MB (its node_modules): keep only the one in use. */
function removeOtherReleases(keep: string): void {
  const cache = dirname(keep);
  for (const name of readdirSync(cache)) {
    if (join(cache, name) !== keep && !name.includes('.partial-')) rmSync(join(cache, name), { recursive: true, force: true });
  }
}

function ensureCommit(rootDir: string, commit: string, say: (line: string) => void): void {
  if (hasCommit(rootDir, commit)) return;
  const shallow = git(rootDir, ['rev-parse', '--is-shallow-repository']).stdout.trim() === 'true';
  if (shallow) {
    say(`this clone is shallow and lacks ${commit}: git fetch --unshallow`);
    git(rootDir, ['fetch', '--unshallow', '--no-tags', '--quiet']);
    if (hasCommit(rootDir, commit)) return;
  }
  throw new Error(
    `commit ${commit} (${PREVIOUS_RELEASE_FILE}) is not in this clone${shallow ? ', even after git fetch --unshallow' : ''}: ` +
      `fetch the full history (git fetch --unshallow, or git fetch origin ${commit}) and run again`,
  );
}

function hasCommit(rootDir: string, commit: string): boolean {
  return git(rootDir, ['cat-file', '-e', `${commit}^{commit}`]).status === 0;
}

function git(rootDir: string, args: string[]) {
  return spawnSync('git', ['-C', rootDir, ...args], { encoding: 'utf8' });
}

function seconds(since: number): number {
  return Math.round((Date.now() - since) / 1000);
}

async function run(command: string, args: string[], cwd?: string): Promise<void> {
  const result = await runToCompletion(command, command, args, { cwd, timeoutMs: STEP_TIMEOUT_MS });
  if (result.code !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.code ?? result.signal}):\n${result.output.slice(-4000)}`);
}
