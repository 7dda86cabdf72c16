/**
 * Faults injected while a scenario runs: `kill` (kill -9 a random auction-engine replica every
 * N s; it is started again at once, as a supervisor would), `redis` (the run's Redis restarted
 * mid-run, empty), `postgres` (the run's private PostgreSQL crashed, `-m immediate`, and
 * started again). Each fault is logged with its time so reports can mark it. `latency` is no
 * event but the whole run's condition: the bidders connect across a link with that delay and
 * loss each way (see client-network.ts), set up with the run's environment.
 */
import type { ClusterHandle, RedisServerHandle } from '@auction/cluster';
import type { LatencyPlan } from './client-network.js';

export type ChaosKind = 'kill' | 'redis' | 'postgres' | 'latency';

export interface ChaosPlan {
  kill: { everyMs: number } | null;
  redis: boolean;
  postgres: boolean;
  latency: LatencyPlan | null;
}

export interface ChaosEvent {
  /** ms since the run started. */
  at: number;
  kind: ChaosKind;
  what: string;
  /** When the component was back (ms since start); null if it never came back in the run. */
  backAt: number | null;
}

export const NO_CHAOS: ChaosPlan = { kill: null, redis: false, postgres: false, latency: null };
const DEFAULT_KILL_EVERY_S = 10;
/** A mobile network: 40 ms ± 10 ms each way (a round trip of about 80 ms), 1 % of packets lost each way. */
export const DEFAULT_LATENCY: LatencyPlan = { delayMs: 40, jitterMs: 10, lossPercent: 1 };

/** `latency[:DELAY[:JITTER[:LOSS]]]`: ms, ms and percent, each way; units may be written (`latency:80ms:20ms:2%`). */
function parseLatency(args: string[]): LatencyPlan {
  const [delay, jitter, loss] = args.map((arg) => Number(arg.replace(/ms$|%$/, '')));
  const plan = {
    delayMs: delay ?? DEFAULT_LATENCY.delayMs,
    jitterMs: jitter ?? (delay === undefined ? DEFAULT_LATENCY.jitterMs : Math.round(delay / 4)),
    lossPercent: loss ?? DEFAULT_LATENCY.lossPercent,
  };
  const valid =
    plan.delayMs >= 1 &&
    plan.delayMs <= 5000 &&
    plan.jitterMs >= 0 &&
    plan.jitterMs <= plan.delayMs &&
    plan.lossPercent >= 0 &&
    plan.lossPercent <= 50;
  if (!valid || args.length > 3)
    throw new Error(`--chaos latency[:DELAY[:JITTER[:LOSS]]] needs 1..5000 ms, 0..DELAY ms and 0..50 %, not "${args.join(':')}"`);
  return plan;
}

export function describeLatency(plan: LatencyPlan): string {
  return `bidders ${plan.delayMs} ms ± ${plan.jitterMs} ms and ${plan.lossPercent} % packet loss each way from a network namespace`;
}

/** Parses `kill[:seconds],redis,postgres,latency[:ms[:ms[:%]]]` (the `--chaos` option). */
export function parseChaos(list: string | undefined): ChaosPlan {
  const plan: ChaosPlan = { ...NO_CHAOS };
  for (const item of (list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [kind, ...args] = item.split(':') as [string, ...string[]];
    const arg = args[0];
    if (kind === 'kill') {
      const seconds = arg === undefined ? DEFAULT_KILL_EVERY_S : Number(arg);
      if (!Number.isFinite(seconds) || seconds < 2) throw new Error(`--chaos kill:N needs N ≥ 2 seconds, not "${arg}"`);
      plan.kill = { everyMs: seconds * 1000 };
    } else if (kind === 'redis') plan.redis = true;
    else if (kind === 'postgres') plan.postgres = true;
    else if (kind === 'latency') plan.latency = parseLatency(args);
    else throw new Error(`--chaos: unknown fault "${kind}" (kill[:seconds], redis, postgres, latency[:ms[:ms[:%]]])`);
  }
  return plan;
}

export function describeChaos(plan: ChaosPlan): string {
  const parts = [
    plan.kill && `kill -9 a random auction-engine replica every ${plan.kill.everyMs / 1000} s`,
    plan.redis && 'Redis restarted at half time',
    plan.postgres && 'PostgreSQL crashed and restarted at 2/3 of the run',
    plan.latency && describeLatency(plan.latency),
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : 'none';
}

export interface ChaosTargets {
  cluster: ClusterHandle;
  redis: RedisServerHandle;
  /** The run's own PostgreSQL (only when `postgres` chaos asks for it). */
  restartPostgres: (() => Promise<void>) | null;
}

/** Runs the plan over `durationMs`; `stop()` waits for every fault to be repaired. */
export function runChaos(plan: ChaosPlan, targets: ChaosTargets, durationMs: number, now: () => number) {
  const events: ChaosEvent[] = [];
  const timers: NodeJS.Timeout[] = [];
  const repairs: Array<Promise<void>> = [];
  let stopped = false;

  const fault = (kind: ChaosKind, what: string, repair: () => Promise<void>, act: () => Promise<void>) => {
    const event: ChaosEvent = { at: now(), kind, what, backAt: null };
    events.push(event);
    const done = act()
      .then(repair)
      .then(() => {
        event.backAt = now();
      })
      .catch((error: Error) => {
        event.what += ` (failed: ${error.message.split('\n')[0]})`;
      });
    repairs.push(done);
    return done;
  };

  if (plan.kill) {
    // One kill at a time: a kill due while the last victim is still restarting waits for it.
    let queue = Promise.resolve();
    const killOne = async () => {
      if (stopped) return;
      const engines = targets.cluster.replicas.filter((r) => r.service === 'auction-engine' && r.running);
      const victim = engines[Math.floor(Math.random() * engines.length)];
      if (!victim) return;
      await fault(
        'kill',
        `kill -9 auction-engine#${victim.index} (pid ${victim.pid})`,
        async () => {
          await targets.cluster.restart('auction-engine', victim.index);
        },
        () => targets.cluster.kill('auction-engine', victim.index, 'SIGKILL'),
      );
    };
    const due = () => {
      queue = queue.then(killOne);
      repairs.push(queue);
    };
    for (let at = plan.kill.everyMs; at < durationMs - 2000; at += plan.kill.everyMs) timers.push(setTimeout(due, at));
  }
  if (plan.redis) {
    timers.push(
      setTimeout(
        () =>
          void fault(
            'redis',
            'Redis restarted (empty)',
            async () => undefined,
            () => targets.redis.restart(),
          ),
        durationMs * 0.5,
      ),
    );
  }
  if (plan.postgres && targets.restartPostgres) {
    const restart = targets.restartPostgres;
    timers.push(
      setTimeout(
        () => void fault('postgres', 'PostgreSQL crashed (immediate) and restarted', async () => undefined, restart),
        durationMs * 0.65,
      ),
    );
  }

  return {
    events,
    async stop(): Promise<void> {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      await Promise.all(repairs);
    },
  };
}
