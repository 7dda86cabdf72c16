import { describe, expect, it } from 'vitest';
import { machineCpuBetween, parseProcStat, readMachineCpu } from '../../load/machine-cpu.js';

const stat = (user: number, idle: number, steal: number) =>
  `cpu  ${user} 0 50 ${idle} 10 0 5 ${steal} 0 0\ncpu0 1 0 1 1 0 0 0 0 0 0\nintr 12345\n`;

describe("the machine's own CPU over a run", () => {
  it('reads busy, stolen and total ticks from the aggregate line, not a core’s', () => {
    expect(parseProcStat(stat(100, 800, 35))).toEqual({ busy: 155, steal: 35, total: 1000 });
  });

  it('gives each as a share of every core’s time between two readings', () => {
    const shares = machineCpuBetween(parseProcStat(stat(100, 800, 35)), parseProcStat(stat(700, 1000, 135)));
    expect(shares).toEqual({ busyPercent: 66.7, stealPercent: 11.1 });
  });

  it('reads this machine, whose ticks only go forward', () => {
    const first = readMachineCpu();
    const shares = machineCpuBetween(first, readMachineCpu());
    expect(shares.busyPercent).toBeGreaterThanOrEqual(0);
    expect(shares.busyPercent + shares.stealPercent).toBeLessThanOrEqual(100);
  });

  it('refuses a /proc/stat without the aggregate line', () => {
    expect(() => parseProcStat('cpu0 1 2 3 4\n')).toThrow(/aggregate cpu line/);
  });
});
