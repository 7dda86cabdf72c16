import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A child process whose output is kept (the last 64 KB) for error messages. */
export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly pid: number;
  readonly exited: Promise<ExitStatus>;
  running(): boolean;
  output(): string;
  /** Sends `signal`, waits for the exit, and sends SIGKILL after `graceMs`. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<ExitStatus>;
}

export interface SpawnOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Called with each output line (stdout and stderr). */
  onLine?: (line: string) => void;
  /** An IPC channel to the child (`child.send`, `child.on('message')`), as `fork` opens one. */
  ipc?: boolean;
}

const KEEP_OUTPUT = 64 * 1024;
const live = new Set<ManagedProcess>();
let exitHookInstalled = false;

/** Spawns a process; anything still running when this process exits is killed with it. */
export function spawnManaged(name: string, command: string, args: string[], options: SpawnOptions = {}): ManagedProcess {
  installExitHook();
  const child = spawn(command, args, {
    env: options.env ?? process.env,
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe', ...(options.ipc ? (['ipc'] as const) : [])],
  });
  let output = '';
  let partial = '';
  const onData = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-KEEP_OUTPUT);
    if (!options.onLine) return;
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) options.onLine(line);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => {
      output += `\n${name}: ${error.message}`;
      resolve({ code: -1, signal: null });
    });
  });
  const running = () => child.exitCode === null && child.signalCode === null && child.pid !== undefined;
  const handle: ManagedProcess = {
    name,
    child,
    pid: child.pid ?? -1,
    exited,
    running,
    output: () => output,
    async stop(signal = 'SIGTERM', graceMs = 10_000) {
      if (running()) {
        child.kill(signal);
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        timer.unref();
        await exited;
        clearTimeout(timer);
      }
      return exited;
    },
  };
  live.add(handle);
  void exited.then(() => live.delete(handle));
  return handle;
}

/** Runs a command to completion; resolves with its exit status and output. */
export async function runToCompletion(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions & { timeoutMs?: number } = {},
): Promise<ExitStatus & { output: string }> {
  const proc = spawnManaged(name, command, args, options);
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
  const status = await proc.exited;
  clearTimeout(timer);
  return { ...status, output: proc.output() };
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort against orphans: a parent that exits without stopping its children kills them.
  process.once('exit', () => {
    for (const proc of live) if (proc.running()) proc.child.kill('SIGKILL');
  });
}

export interface WaitOptions {
  timeoutMs?: number;
  /** Fails at once, with its output, when this process exits while we wait. */
  process?: ManagedProcess;
  what?: string;
}

/** Polls `check` until it answers true; fails after the timeout or when the watched process dies. */
export async function waitUntil(check: () => Promise<boolean>, options: WaitOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const what = options.what ?? 'condition';
  const deadline = Date.now() + timeoutMs;
  let delay = 25;
  for (;;) {
    if (options.process && !options.process.running()) {
      const status = await options.process.exited;
      throw new Error(
        `${options.process.name} exited (code ${status.code}, signal ${status.signal}) before ${what}:\n${options.process.output().slice(-4000)}`,
      );
    }
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) {
      const tail = options.process ? `:\n${options.process.output().slice(-4000)}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${tail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 250);
  }
}

/** True when `url` answers with `status` (200 unless given) within a second. */
export async function answers(url: string, status = 200): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
  await response.arrayBuffer();
  return response.status === status;
}

/** True when something accepts TCP connections on `host:port`. */
export function accepts(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}
