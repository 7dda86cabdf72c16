import { describe, expect, it } from 'vitest';
import {
  leastSquares,
  nonNegativeLeastSquares,
  predictEngineCpuMs,
  predictPostgresCpuMs,
  ratesOf,
  size,
  solveLinear,
  solveModel,
  type Observation,
} from '../../load/capacity-model.js';

const TRUE = { a: 1.4, r: 0.3, d: 0.05, s: 2.5, t: 80, p: 0.9, u: 0.4, q: 40 };

/** Share of answered bids accepted, as measured: small rooms accept nearly every bid, a room of 150 about a third. */
const ACCEPTED_SHARE: Record<string, number> = {
  idle: 0.9,
  '10': 0.97,
  '10x20': 0.95,
  '25x8': 0.85,
  '150': 0.35,
  '50x20': 0.75,
  '200': 0.25,
};

function observed(name: string, seconds: number, answered: number, deliveries: number, sockets: number, rss: number): Observation {
  const socketMinutes = (sockets * seconds) / 60;
  const accepted = Math.round(answered * (ACCEPTED_SHARE[name] ?? 0.5));
  const refused = answered - accepted;
  return {
    name,
    seconds,
    answered,
    accepted,
    deliveries,
    socketMinutes,
    engineCpuMs: TRUE.a * accepted + TRUE.r * refused + TRUE.d * deliveries + TRUE.s * socketMinutes + TRUE.t * seconds,
    postgresCpuMs: TRUE.p * accepted + TRUE.u * refused + TRUE.q * seconds,
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

  it('keeps every cost at 0 or above, refitting the others when the plain fit would make one negative', () => {
    const x = [
      [1, 0],
      [0, 1],
      [1, 1],
    ];
    expect(leastSquares(x, [2, -0.5, 1.5]).map((b) => Number(b.toFixed(9)))).toEqual([2, -0.5]);
    // With the second cost at 0, the first alone: (2 + 1.5) / 2.
    expect(nonNegativeLeastSquares(x, [2, -0.5, 1.5]).map((b) => Number(b.toFixed(9)))).toEqual([1.75, 0]);
    expect(nonNegativeLeastSquares(x, [2.1, 3.1, 4.9]).map((b) => Number(b.toFixed(9)))).toEqual([2, 3]);
  });

  it('gives no negative cost per delivery when deliveries cost nothing beyond the bid', () => {
    const free = (o: Observation, share: number) => ({
      ...o,
      engineCpuMs: (o.engineCpuMs - TRUE.d * o.deliveries) * (1 + share),
    });
    const runs = [
      free(observed('idle', 60, 300, 6_000, 10_000, 1_400), 0.03),
      free(observed('10', 60, 600, 3_000, 10, 300), 0.03),
      free(observed('10x20', 60, 12_000, 40_000, 200, 320), 0.03),
      free(observed('25x8', 60, 8_000, 60_000, 200, 320), 0.03),
      free(observed('150', 60, 9_000, 400_000, 150, 500), -0.05),
      free(observed('50x20', 60, 13_000, 150_000, 1_000, 560), 0.03),
    ];
    const plain = leastSquares(
      runs.map((o) => [o.accepted, o.answered - o.accepted, o.deliveries, o.socketMinutes, o.seconds]),
      runs.map((o) => o.engineCpuMs),
    );
    expect(plain[2]).toBeLessThan(0);
    const model = solveModel(runs);
    expect(model.d).toBe(0);
    expect(Math.min(model.a, model.r, model.s, model.t)).toBeGreaterThanOrEqual(0);
    expect(model.a).toBeGreaterThan(1.2);
    expect(model.a).toBeLessThan(1.6);
  });

  it('recovers the per-unit costs from more runs than costs, despite noise in each', () => {
    const noisy = (o: Observation, share: number) => ({ ...o, engineCpuMs: o.engineCpuMs * (1 + share) });
    const runs = [
      noisy(observed('idle', 60, 300, 6_000, 10_000, 1_400), 0.02),
      noisy(observed('10', 60, 600, 3_000, 10, 300), -0.02),
      noisy(observed('10x20', 60, 12_000, 40_000, 200, 320), 0.01),
      noisy(observed('25x8', 60, 8_000, 60_000, 200, 320), -0.01),
      noisy(observed('150', 60, 9_000, 400_000, 150, 500), -0.01),
      noisy(observed('50x20', 60, 13_000, 150_000, 1_000, 560), 0.02),
    ];
    const model = solveModel(runs);
    expect(model.a).toBeGreaterThan(1.2);
    expect(model.a).toBeLessThan(1.6);
    expect(Math.abs(model.d / TRUE.d - 1)).toBeLessThan(0.2);
    const check = observed('200', 60, 11_000, 700_000, 200, 510);
    expect(Math.abs(predictEngineCpuMs(model, check) / check.engineCpuMs - 1)).toBeLessThan(0.03);
  });

  it('recovers the per-unit costs the runs were made of', () => {
    const runs = [
      observed('idle', 60, 300, 6_000, 10_000, 1_400),
      observed('10', 30, 200, 2_000, 10, 300),
      observed('25x8', 60, 8_000, 60_000, 200, 320),
      observed('150', 60, 9_000, 400_000, 150, 500),
      observed('50x20', 60, 13_000, 150_000, 1_000, 560),
    ];
    const model = solveModel(runs);
    for (const key of ['a', 'r', 'd', 's', 't', 'p', 'u', 'q'] as const) expect(model[key]).toBeCloseTo(TRUE[key], 6);
    const check = observed('200', 60, 11_000, 700_000, 200, 510);
    expect(predictEngineCpuMs(model, check)).toBeCloseTo(check.engineCpuMs, 3);
    expect(predictPostgresCpuMs(model, check)).toBeCloseTo(check.postgresCpuMs, 3);
  });

  it('refuses runs that cannot tell the costs apart', () => {
    const same = observed('150', 60, 9_000, 400_000, 150, 500);
    expect(() =>
      solveModel([
        same,
        { ...same, name: 'again' },
        observed('50x20', 60, 13_000, 150_000, 1_000, 560),
        observed('idle', 60, 300, 6_000, 10_000, 1_400),
        observed('10', 30, 200, 2_000, 10, 300),
      ]),
    ).toThrow(/singular/);
  });

  it('sizes a load from the rates of one room and the memory slope between two runs', () => {
    const oneRoom = observed('150', 60, 9_000, 400_000, 150, 500);
    const rates = ratesOf(oneRoom, 150, observed('idle', 60, 300, 6_000, 10_150, 1_500));
    expect(rates.rssMbPerSocket).toBeCloseTo(0.1, 9);
    expect(rates.baseRssMb).toBeCloseTo(485, 9);
    const ten = size(TRUE, rates, { name: '10 rooms', rooms: 10, biddersPerRoom: 150, idleSockets: 0 });
    // The room accepted 3,150 of its 9,000 bids in 60 s: 52.5 a second, whatever its size.
    expect(ten.answeredPerSecond).toBeCloseTo(1_500, 9);
    expect(ten.acceptedPerSecond).toBeCloseTo(525, 9);
    expect(ten.deliveriesPerSecond).toBeCloseTo(525 * 150, 9);
    expect(ten.engineCores).toBeCloseTo(
      (TRUE.a * 525 + TRUE.r * 975 + TRUE.d * ten.deliveriesPerSecond + (TRUE.s * 1_500) / 60 + TRUE.t) / 1000,
      9,
    );
    expect(ten.postgresCores).toBeCloseTo((TRUE.p * 525 + TRUE.u * 975 + TRUE.q) / 1000, 9);
    expect(ten.engineRssMb).toBeCloseTo(485 + 1_500 * 0.1, 9);
  });
});
