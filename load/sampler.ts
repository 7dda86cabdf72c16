import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { ClusterHandle } from '@auction/cluster';

/** The run once a second (times in ms since the run started). */
export interface Sample {
  at: number;
  connected: number;
  /** Bids answered (accepted or refused) and accepted in the second before `at`. */
  answered: number;
  accepted: number;
  /** Resident memory of each auction-engine replica, MB (0 while it is down). */
  engineRssMb: number[];
  load1: number;
}

/** Resident set size of a process in MB, from /proc (0 when it is gone). */
export function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 102.4) / 10 : 0;
  } catch {
    return 0;
  }
}

export function startSampler(
  cluster: ClusterHandle,
  now: () => number,
  read: () => { connected: number; answered: number; accepted: number },
  onSample?: (sample: Sample) => void,
) {
  const samples: Sample[] = [];
  let last = { answered: 0, accepted: 0 };
  const timer = setInterval(() => {
    const current = read();
    const sample: Sample = {
      at: now(),
      connected: current.connected,
      answered: current.answered - last.answered,
      accepted: current.accepted - last.accepted,
      engineRssMb: cluster.replicas.filter((r) => r.service === 'auction-engine').map((r) => (r.running ? rssMb(r.pid) : 0)),
      load1: Math.round(loadavg()[0]! * 100) / 100,
    };
    last = current;
    samples.push(sample);
    onSample?.(sample);
  }, 1000);
  return {
    samples,
    stop: () => clearInterval(timer),
  };
}
