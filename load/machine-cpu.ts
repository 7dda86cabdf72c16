/**
 * How busy the whole machine was while a run was measured, from the first line of /proc/stat:
 * the share of every core's time spent running anything (this run or not), and the share the
 * hypervisor gave to other guests ("steal"). On a shared 2-core virtual machine, steal is what
 * makes the same build's tail latencies differ from one day to the next.
 */
import { readFileSync } from 'node:fs';

/** Kernel clock ticks summed over every core, by kind. */
export interface MachineCpuReading {
  busy: number;
  steal: number;
  total: number;
}

export interface MachineCpu {
  /** Of all the cores' time between two readings, % spent running something. */
  busyPercent: number;
  /** Of the same time, % the hypervisor gave to other guests. */
  stealPercent: number;
}

/** Reads the aggregate `cpu` line: user nice system idle iowait irq softirq steal (guest time is already in user). */
export function parseProcStat(text: string): MachineCpuReading {
  const line = text.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) throw new Error('/proc/stat has no aggregate cpu line');
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const busy = user + nice + system + irq + softirq;
  return { busy, steal, total: busy + steal + idle + iowait };
}

export function readMachineCpu(): MachineCpuReading {
  return parseProcStat(readFileSync('/proc/stat', 'utf8'));
}

export function machineCpuBetween(before: MachineCpuReading, after: MachineCpuReading): MachineCpu {
  const total = after.total - before.total;
  const percent = (ticks: number) => (total > 0 ? Math.round((ticks / total) * 1000) / 10 : 0);
  return { busyPercent: percent(after.busy - before.busy), stealPercent: percent(after.steal - before.steal) };
}
