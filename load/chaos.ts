/**
 * Faults injected while a scenario runs: `kill` (kill -9 a random auction-engine replica every
 * N s; it is started again at once, as a supervisor would), `redis` (the run's Redis restarted
 * mid-run, empty), `postgres` (the run's private PostgreSQL crashed, `-m immediate`, and
 * started again). Each fault is logged with its time so reports can mark it.
 */
import type { ClusterHandle, RedisServerHandle } from '@auction/cluster';

export type ChaosKind = 'kill' | 'redis' | 'postgres' | 'latency';

export interface ChaosPlan {
  kill: { everyMs: number } | null;
  redis: boolean;
  postgres: boolean;
}

export interface ChaosEvent {
  /** ms since the run started. */
  at: number;
  kind: ChaosKind;
  what: string;
  /** When the component was back (ms since start); null if it never came back in the run. */
  backAt: number | null;
}

export const NO_CHAOS: ChaosPlan = { kill: null, redis: false, postgres: false };
const DEFAULT_KILL_EVERY_S = 10;

/** Parses `kill[:seconds],redis,postgres` (the `--chaos` option). */
export function parseChaos(list: string | undefined): ChaosPlan {
  const plan: ChaosPlan = { ...NO_CHAOS };
  for (const item of (list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [kind, arg] = item.split(':') as [string, string | undefined];
    if (kind === 'kill') {
      const seconds = arg === undefined ? DEFAULT_KILL_EVERY_S : Number(arg);
      if (!Number.isFinite(seconds) || seconds < 2) throw new Error(`--chaos kill:N needs N ≥ 2 seconds, not "${arg}"`);
      plan.kill = { everyMs: seconds * 1000 };
    } else if (kind === 'redis') plan.redis = true;
    else if (kind === 'postgres') plan.postgres = true;
    else if (kind === 'latency') throw new Error('--chaos latency: not yet (tc netem inside network namespaces is still to be built)');
    else throw new Error(`--chaos: unknown fault "${kind}" (kill[:seconds], redis, postgres)`);
  }
  return plan;
}

export function describeChaos(plan: ChaosPlan): string {
  const parts = [
    plan.kill && `kill -9 a random auction-engine replica every ${plan.kill.everyMs / 1000} s`,
    plan.redis && 'Redis restarted at half time',
    plan.postgres && 'PostgreSQL crashed and restarted at 2/3 of the run',
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
