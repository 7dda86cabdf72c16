import { describe, expect, it } from 'vitest';
import { openingSpreadOf, rssGrowthOf } from '../../load/figures.js';
import type { Sample } from '../../load/sampler.js';

/** One sample a second for `minutes`, two engine replicas, each at `mbAt(second)`. */
function samples(minutes: number, mbAt: (second: number) => number): Sample[] {
  return Array.from({ length: minutes * 60 }, (_, second) => ({
    at: second * 1000,
    connected: 150,
    answered: 30,
    accepted: 10,
    engineRssMb: [mbAt(second), mbAt(second)],
    load1: 1,
  }));
}

describe('memory growth of a long run', () => {
  it('compares the mean of minute 10 with the mean of the last minute, over all replicas', () => {
    const growth = rssGrowthOf(samples(30, (second) => (second < 11 * 60 ? 100 : 110)));
    expect(growth).toEqual({ fromMinute: 10, fromMb: 200, lastMinuteMb: 220, growthPercent: 10 });
  });

  it('weighs a last sample at a garbage collection peak as one second of sixty', () => {
    const growth = rssGrowthOf(samples(30, (second) => (second === 30 * 60 - 1 ? 400 : 100)));
    expect(growth!.growthPercent).toBe(5);
  });

  it('says nothing of runs too short to have a minute 10 and a later one', () => {
    expect(rssGrowthOf(samples(11, () => 100))).toBeNull();
    expect(rssGrowthOf(samples(12.5, () => 100))).not.toBeNull();
  });
});

describe('the spread of lot openings', () => {
  /** `bids` acks of one lot in its opening, at `ms` each, and one bid after its opening. */
  const lot = (lotId: string, ms: number[]) => [...ms.map((m) => ({ lotId, ms: m, opening: true })), { lotId, ms: 1, opening: false }];

  it("gives each opening's own p99, and the few lots the slowest bids of the run came from", () => {
    const answered = [
      ...lot('a', Array(99).fill(10)),
      ...lot('b', Array(99).fill(20)),
      ...lot('c', Array(99).fill(30)),
      ...lot('slow', [...Array(96).fill(15), 80, 81, 82]),
    ];
    const spread = openingSpreadOf(answered, (ack) => ack.opening);
    expect(spread).toEqual({ openings: 4, p99Median: 20, p99Worst: 82, slowestFromLots: 2 });
  });

  it("leaves the bids after an opening out of that opening's p99", () => {
    const answered = [...lot('a', [5, 6]), { lotId: 'a', ms: 500, opening: false }];
    const spread = openingSpreadOf(answered, (ack) => ack.opening);
    expect(spread).toEqual({ openings: 1, p99Median: 6, p99Worst: 6, slowestFromLots: 1 });
  });
});
