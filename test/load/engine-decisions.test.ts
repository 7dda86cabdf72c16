import { describe, expect, it } from 'vitest';
import { bucketQuantile, decisionsBetween } from '../../load/engine-decisions.js';

/** Cumulative counts as /metrics prints them, bounds in seconds. */
const buckets = (counts: Array<[string, number]>) => new Map(counts);

describe("the engine's own time per bid", () => {
  it('counts only the observations between the two readings', () => {
    const before = buckets([
      ['0.01', 50],
      ['0.05', 60],
      ['+Inf', 60],
    ]);
    const after = buckets([
      ['0.01', 140],
      ['0.05', 159],
      ['+Inf', 160],
    ]);
    expect([...decisionsBetween(before, after)]).toEqual([
      ['0.01', 90],
      ['0.05', 99],
      ['+Inf', 100],
    ]);
  });

  it('gives the smallest bound holding the quantile, in ms, whatever order the bounds come in', () => {
    const run = buckets([
      ['+Inf', 100],
      ['0.05', 99],
      ['0.01', 90],
    ]);
    expect(bucketQuantile(run, 0.5)).toBe('≤ 10');
    expect(bucketQuantile(run, 0.9)).toBe('≤ 10');
    expect(bucketQuantile(run, 0.99)).toBe('≤ 50');
  });

  it('says when the quantile lies past the last bound, and when nothing was observed', () => {
    expect(
      bucketQuantile(
        buckets([
          ['0.05', 90],
          ['+Inf', 100],
        ]),
        0.99,
      ),
    ).toBe('> 50');
    expect(bucketQuantile(buckets([['+Inf', 0]]), 0.99)).toBe('n/a');
  });
});
