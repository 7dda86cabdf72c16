import { describe, expect, it } from 'vitest';
import { leastSquares, predictEngineCpuMs, ratesOf, size, solveLinear, solveModel, type Observation } from '../../load/capacity-model.js';

const TRUE = { a: 0.9, d: 0.05, s: 2.5, t: 80, p: 0.7, q: 40 };

function observed(name: string, seconds: number, answered: number, deliveries: number, sockets: number, rss: number): Observation {
  const socketMinutes = (sockets * seconds) / 60;
  return {
    name,
    seconds,
    answered,
    accepted: Math.round(answered / 3),
    deliveries,
    socketMinutes,
    engineCpuMs: TRUE.a * answered + TRUE.d * deliveries + TRUE.s * socketMinutes + TRUE.t * seconds,
    postgresCpuMs: TRUE.p * answered + TRUE.q * seconds,
    engineRssMb: rss,
    sockets,
  };
}

describe('the capacity model', () => {
  it('solves a square system', () => {
    expect(
      solveLinear(
        [
          [0, 2],
          [3, 1],
        ],
        [4, 5],
      ).map((x) => Number(x.toFixed(9))),
    ).toEqual([1, 2]);
  });

  it('fits an overdetermined system by least squares', () => {
    // y = 2u + 3v, with noise that cancels in the normal equations: the fit finds 2 and 3.
    const fitted = leastSquares(
      [
        [1, 0],
        [0, 1],
        [1, 1],
      ],
      [2.1, 3.1, 4.9],
    );
    expect(fitted.map((b) => Number(b.toFixed(9)))).toEqual([2, 3]);
    expect(() => leastSquares([[1, 2]], [3])).toThrow(/at least 2 runs/);
  });

  it('recovers the per-unit costs from more runs than costs, despite noise in each', () => {
    const noisy = (o: Observation, share: number) => ({ ...o, engineCpuMs: o.engineCpuMs * (1 + share) });
    const runs = [
      noisy(observed('idle', 60, 300, 6_000, 10_000, 1_400), 0.02),
      noisy(observed('10', 60, 600, 3_000, 10, 300), -0.02),
      noisy(observed('10x20', 60, 12_000, 40_000, 200, 320), 0.01),
      noisy(observed('150', 60, 9_000, 400_000, 150, 500), -0.01),
      noisy(observed('50x20', 60, 13_000, 150_000, 1_000, 560), 0.02),
    ];
    const model = solveModel(runs);
    expect(model.a).toBeGreaterThan(0.8);
    expect(model.a).toBeLessThan(1);
    expect(model.d).toBeCloseTo(TRUE.d, 2);
    const check = observed('200', 60, 11_000, 700_000, 200, 510);
    expect(Math.abs(predictEngineCpuMs(model, check) / check.engineCpuMs - 1)).toBeLessThan(0.03);
  });

  it('recovers the per-unit costs the runs were made of', () => {
    const runs = [
      observed('idle', 60, 300, 6_000, 10_000, 1_400),
      observed('10', 30, 200, 2_000, 10, 300),
      observed('150', 60, 9_000, 400_000, 150, 500),
      observed('50x20', 60, 13_000, 150_000, 1_000, 560),
    ];
    const model = solveModel(runs);
    for (const key of ['a', 'd', 's', 't', 'p', 'q'] as const) expect(model[key]).toBeCloseTo(TRUE[key], 6);
    const check = observed('200', 60, 11_000, 700_000, 200, 510);
    expect(predictEngineCpuMs(model, check)).toBeCloseTo(check.engineCpuMs, 3);
  });

  it('refuses runs that cannot tell the costs apart', () => {
    const same = observed('150', 60, 9_000, 400_000, 150, 500);
    expect(() =>
      solveModel([
        same,
        { ...same, name: 'again' },
        observed('50x20', 60, 13_000, 150_000, 1_000, 560),
        observed('idle', 60, 300, 6_000, 10_000, 1_400),
      ]),
    ).toThrow(/singular/);
  });

  it('sizes a load from the rates of one room and the memory slope between two runs', () => {
    const oneRoom = observed('150', 60, 9_000, 400_000, 150, 500);
    const rates = ratesOf(oneRoom, 150, observed('idle', 60, 300, 6_000, 10_150, 1_500));
    expect(rates.rssMbPerSocket).toBeCloseTo(0.1, 9);
    expect(rates.baseRssMb).toBeCloseTo(485, 9);
    const ten = size(TRUE, rates, { name: '10 rooms', rooms: 10, biddersPerRoom: 150, idleSockets: 0 });
    expect(ten.answeredPerSecond).toBeCloseTo(1_500, 9);
    expect(ten.deliveriesPerSecond).toBeCloseTo(10 * (3_000 / 60) * 150, 9);
    expect(ten.engineCores).toBeCloseTo((TRUE.a * 1_500 + TRUE.d * ten.deliveriesPerSecond + (TRUE.s * 1_500) / 60 + TRUE.t) / 1000, 9);
    expect(ten.postgresCores).toBeCloseTo((TRUE.p * 1_500 + TRUE.q) / 1000, 9);
    expect(ten.engineRssMb).toBeCloseTo(485 + 1_500 * 0.1, 9);
  });
});
