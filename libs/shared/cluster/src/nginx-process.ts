import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderNginxConfig, type NginxConfigOptions } from './nginx.js';
import { accepts, runToCompletion, spawnManaged, waitUntil, type ManagedProcess } from './processes.js';

/** The nginx binary: `NGINX_BIN`, else Debian's `/usr/sbin/nginx`, else `nginx` on the PATH. */
export function nginxBinary(): string {
  if (process.env.NGINX_BIN) return process.env.NGINX_BIN;
  return existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
}

export interface RunningNginx {
  process: ManagedProcess;
  configFile: string;
  /** Fast shutdown (SIGQUIT lets open WebSockets drain; SIGTERM is immediate). */
  stop(): Promise<void>;
}

/**
 * Writes the generated configuration into `prefix`, checks it with `nginx -t`, and runs nginx
 * in the foreground until both listeners accept connections.
 */
export async function startNginx(options: NginxConfigOptions, timeoutMs = 15_000): Promise<RunningNginx> {
  const prefix = options.prefix;
  for (const dir of ['logs', 'tmp']) mkdirSync(join(prefix, dir), { recursive: true });
  const configFile = join(prefix, 'nginx.conf');
  writeFileSync(configFile, renderNginxConfig(options));
  const args = ['-p', prefix, '-c', configFile, '-e', join(prefix, 'logs', 'error.log')];
  const check = await runToCompletion('nginx -t', nginxBinary(), [...args, '-t'], { timeoutMs });
  if (check.code !== 0) throw new Error(`nginx rejected ${configFile}:\n${check.output}`);
  const proc = spawnManaged('nginx', nginxBinary(), [...args, '-g', 'daemon off;']);
  const host = !options.listenHost || options.listenHost === '0.0.0.0' ? '127.0.0.1' : options.listenHost;
  await waitUntil(async () => (await accepts(options.listenPort, host)) && accepts(options.internalPort), {
    timeoutMs,
    process: proc,
    what: `nginx on ports ${options.listenPort} and ${options.internalPort}`,
  });
  return {
    process: proc,
    configFile,
    stop: async () => {
      await proc.stop('SIGTERM', 5000);
    },
  };
}
