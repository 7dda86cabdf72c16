import { describe, expect, it } from 'vitest';
import { rssGrowthOf } from '../../load/figures.js';
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
