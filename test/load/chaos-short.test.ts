import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseChaos } from '../../load/chaos.js';
import { startEnvironment, type LoadEnvironment } from '../../load/environment.js';
import { runScenario, type RunResult } from '../../load/run.js';
import { findScenario, type AuctionScenario } from '../../load/scenarios.js';

/**
 * The load harness's short form: the `150` scenario for 30 s through nginx to 3 auction-engine
 * replicas while one replica after another is killed -9 and Redis is restarted. Judged on the
 * invariants only (latencies belong to the reports). Needs the build (npm test builds first).
 */
describe('load harness, short form: 150 bidders for 30 s with kill and redis chaos', () => {
  let env: LoadEnvironment;
  let result: RunResult;

  beforeAll(async () => {
    env = await startEnvironment({ privatePostgres: false, templateDatabase: inject('templateDatabase') });
  }, 120_000);

  afterAll(async () => {
    await env?.stop();
  }, 60_000);

  it('loses no acknowledged bid and breaks no invariant', async () => {
    const scenario = findScenario('150') as AuctionScenario;
    result = await runScenario({ scenario, durationMs: 30_000, chaos: parseChaos('kill:10,redis'), env });

    expect(result.chaos.map((e) => e.kind).sort()).toEqual(['kill', 'kill', 'redis']);
    expect(result.chaos.every((e) => e.backAt !== null)).toBe(true);
    expect(result.connectedAtStart).toBe(150);
    expect(result.acks.filter((a) => a.accepted).length).toBeGreaterThan(0);
    expect(result.violations.filter((v) => v.rule === 'ACKED_BID_MISSING')).toEqual([]);
    expect(result.violations).toEqual([]);
  }, 100_000);
});
