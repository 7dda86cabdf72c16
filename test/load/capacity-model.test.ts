import { describe, expect, it } from 'vitest';
import { predictEngineCpuMs, ratesOf, size, solveLinear, solveModel, type Observation } from '../../load/capacity-model.js';

const TRUE = { a: 0.9, d: 0.05, s: 2.5, p: 0.7, q: 40 };

function observed(name: string, seconds: number, answered: number, deliveries: number, sockets: number, rss: number): Observation {
  const socketMinutes = (sockets * seconds) / 60;
  return {
    name,
    seconds,
    answered,
    accepted: Math.round(answered / 3),
    deliveries,
    socketMinutes,
    engineCpuMs: TRUE.a * answered + TRUE.d * deliveries + TRUE.s * socketMinutes,
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

  it('recovers the per-unit costs the runs were made of', () => {
    const runs = [
      observed('idle', 60, 300, 6_000, 10_000, 1_400),
      observed('150', 60, 9_000, 400_000, 150, 500),
      observed('50x20', 60, 13_000, 150_000, 1_000, 560),
    ];
    const model = solveModel(runs);
    for (const key of ['a', 'd', 's', 'p', 'q'] as const) expect(model[key]).toBeCloseTo(TRUE[key], 6);
    const check = observed('200', 60, 11_000, 700_000, 200, 510);
    expect(predictEngineCpuMs(model, check)).toBeCloseTo(check.engineCpuMs, 3);
  });

  it('refuses runs that cannot tell the costs apart', () => {
    const same = observed('150', 60, 9_000, 400_000, 150, 500);
    expect(() => solveModel([same, { ...same, name: 'again' }, observed('50x20', 60, 13_000, 150_000, 1_000, 560)])).toThrow(/singular/);
  });

  it('sizes a load from the rates of one room and the memory slope between two runs', () => {
    const oneRoom = observed('150', 60, 9_000, 400_000, 150, 500);
    const rates = ratesOf(oneRoom, 150, observed('idle', 60, 300, 6_000, 10_150, 1_500));
    expect(rates.rssMbPerSocket).toBeCloseTo(0.1, 9);
    expect(rates.baseRssMb).toBeCloseTo(485, 9);
    const ten = size(TRUE, rates, { name: '10 rooms', rooms: 10, biddersPerRoom: 150, idleSockets: 0 });
    expect(ten.answeredPerSecond).toBeCloseTo(1_500, 9);
    expect(ten.deliveriesPerSecond).toBeCloseTo(10 * (3_000 / 60) * 150, 9);
    expect(ten.engineCores).toBeCloseTo((TRUE.a * 1_500 + TRUE.d * ten.deliveriesPerSecond + (TRUE.s * 1_500) / 60) / 1000, 9);
    expect(ten.postgresCores).toBeCloseTo((TRUE.p * 1_500 + TRUE.q) / 1000, 9);
    expect(ten.engineRssMb).toBeCloseTo(485 + 1_500 * 0.1, 9);
  });
});
