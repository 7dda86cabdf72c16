import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderNginxConfig, renderWebNginxConfig, type NginxConfigOptions, type WebConfigOptions } from './nginx.js';
import { accepts, runToCompletion, spawnManaged, waitUntil, type ManagedProcess } from './processes.js';

/** The nginx binary: `NGINX_BIN`, else Debian's `/usr/sbin/nginx`, else `nginx` on the PATH. */
export function nginxBinary(): string {
  if (process.env.NGINX_BIN) return process.env.NGINX_BIN;
  return existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
}

export interface RunningNginx {
  process: ManagedProcess;
  configFile: string;
  /** Stops nginx (SIGTERM: fast shutdown) and waits for it. */
  stop(): Promise<void>;
}

export interface RunNginxOptions {
  /** A complete configuration (from `renderNginxConfig` or `renderWebNginxConfig`). */
  config: string;
  prefix: string;
  /** Ports that must accept connections before nginx counts as started. */
  ports: number[];
  errorLog?: string;
  timeoutMs?: number;
}

/**
 * Writes `config` into `prefix`, checks it with `nginx -t`, and runs nginx in the foreground
 * (`-g 'daemon off;'`) until every port accepts connections.
 */
export async function runNginx(options: RunNginxOptions): Promise<RunningNginx> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  mkdirSync(join(options.prefix, 'logs'), { recursive: true });
  const configFile = join(options.prefix, 'nginx.conf');
  writeFileSync(configFile, options.config);
  const args = ['-p', options.prefix, '-c', configFile, '-e', options.errorLog ?? join(options.prefix, 'logs', 'error.log')];
  const check = await runToCompletion('nginx -t', nginxBinary(), [...args, '-t'], { timeoutMs });
  if (/ENOENT/.test(check.output) && check.code === -1) {
    throw new Error(`nginx not found (${nginxBinary()}): install it (apt-get install -y nginx) or set NGINX_BIN`);
  }
  if (check.code !== 0) throw new Error(`nginx rejected ${configFile}:\n${check.output}`);
  const proc = spawnManaged('nginx', nginxBinary(), [...args, '-g', 'daemon off;']);
  await waitUntil(async () => (await Promise.all(options.ports.map((port) => accepts(port)))).every(Boolean), {
    timeoutMs,
    process: proc,
    what: `nginx listening on ${options.ports.join(', ')}`,
  });
  return {
    process: proc,
    configFile,
    stop: async () => {
      await proc.stop('SIGTERM', 5000);
    },
  };
}

/** nginx in front of the replicas, configured from the route table (see `renderNginxConfig`). */
export function startNginx(options: NginxConfigOptions, timeoutMs = 15_000): Promise<RunningNginx> {
  const listenHost = options.listenHost;
  if (listenHost && listenHost !== '0.0.0.0' && listenHost !== '127.0.0.1') {
    throw new Error(`startNginx: listenHost ${listenHost} is not supported locally (use 127.0.0.1 or 0.0.0.0)`);
  }
  return runNginx({
    config: renderNginxConfig(options),
    prefix: options.prefix,
    ports: [options.listenPort, ...(options.internalPort === undefined ? [] : [options.internalPort])],
    errorLog: options.errorLog,
    timeoutMs,
  });
}

/** The web image's entrypoint (this file is `libs/shared/cluster/{src,dist}/nginx-process.*`). */
export const WEB_ENTRYPOINT = fileURLToPath(new URL('../../../../ops/nginx/web-entrypoint.sh', import.meta.url));

/** What the web image's entrypoint writes at start (`config.json`, `sentry.conf`), from `env` (`SENTRY_DSN`, ...). */
export async function writeWebRuntime(runtimeDir: string, env: NodeJS.ProcessEnv = {}, timeoutMs = 15_000): Promise<void> {
  const entry = await runToCompletion('web-entrypoint', 'sh', [WEB_ENTRYPOINT, 'true'], {
    env: { PATH: process.env.PATH, ...env, WEB_RUNTIME_DIR: runtimeDir },
    timeoutMs,
  });
  if (entry.code !== 0) throw new Error(`the web entrypoint failed (exit ${entry.code}): ${entry.output.trim()}`);
}

/** The web image as it starts: its entrypoint writes `runtimeDir` from `env`, then nginx runs the web configuration. */
export async function startWebNginx(
  options: WebConfigOptions & { env?: Record<string, string> },
  timeoutMs = 15_000,
): Promise<RunningNginx> {
  await writeWebRuntime(options.runtimeDir, options.env, timeoutMs);
  return runNginx({
    config: renderWebNginxConfig(options),
    prefix: options.prefix,
    ports: [options.listenPort, options.probePort],
    errorLog: options.errorLog,
    timeoutMs,
  });
}
