import { describe, expect, it } from 'vitest';
import { costsBetween, type CostReading } from '../../load/costs.js';

function reading(postgres: Array<[number, number]>, endedMs: number | null): CostReading {
  return {
    engineCpuMs: new Map([[1, 0]]),
    postgresCpuMs: new Map(postgres),
    postgresEndedCpuMs: endedMs,
    commits: 0,
    walBytes: 0n,
    redisCommands: 0,
  };
}

describe("PostgreSQL's CPU over a run", () => {
  it('counts the backends alive at the end, and one that started since in full', () => {
    const costs = costsBetween(
      reading([[10, 100]], null),
      reading(
        [
          [10, 160],
          [11, 40],
        ],
        null,
      ),
    );
    expect(costs.postgresCpuMs).toBe(100);
  });

  it("on the run's own server, adds the backends that ended in between, less what they had used before", () => {
    // Backend 10 ends at 250 ms (it had 100 before the run); 12 starts and ends within it, using 30.
    const before = reading(
      [
        [10, 100],
        [11, 0],
      ],
      1000,
    );
    const after = reading([[11, 50]], 1000 + 250 + 30);
    expect(costsBetween(before, after).postgresCpuMs).toBe(50 + 150 + 30);
  });

  it('on a shared server, leaves out the backends that ended (others end there too)', () => {
    const costs = costsBetween(
      reading(
        [
          [10, 100],
          [11, 0],
        ],
        null,
      ),
      reading([[11, 50]], null),
    );
    expect(costs.postgresCpuMs).toBe(50);
  });
});
