import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChaos } from '../../load/chaos.js';
import { startEnvironment, type LoadEnvironment } from '../../load/environment.js';
import { judge } from '../../load/judge.js';
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
    // A PostgreSQL of its own, as the command line has: the cluster's pools (up to 20 connections per
    // process) beside other work on the shared server ran it out of connections (join: 500, "too many clients").
    env = await startEnvironment({ privatePostgres: true });
  }, 120_000);

  afterAll(async () => {
    await env?.stop();
  }, 60_000);

  it('loses no acknowledged bid and breaks no invariant', async () => {
    const scenario = findScenario('150') as AuctionScenario;
    result = await runScenario({ scenario, durationMs: 30_000, chaos: parseChaos('kill:10,redis'), env });

    expect(new Set(result.chaos.map((e) => e.kind))).toEqual(new Set(['kill', 'redis']));
    expect(result.chaos.every((e) => e.backAt !== null)).toBe(true);
    expect(result.connectedAtStart).toBe(150);
    expect(result.acks.filter((a) => a.accepted).length).toBeGreaterThan(0);
    // The faults reached the bidders, and lots closed under them: the checks below had work to do.
    expect(result.outages.length).toBeGreaterThan(0);
    expect(result.auctions[0]!.lots.filter((l) => l.status === 'sold').length).toBeGreaterThan(0);
    expect(result.violations.filter((v) => v.rule === 'ACKED_BID_MISSING')).toEqual([]);
    expect(result.violations).toEqual([]);
  }, 100_000);

  it('would have seen a lost acknowledged bid, a late close and a client left behind', () => {
    const [auction] = result.auctions;
    const acked = result.acks.find((a) => a.accepted)!.accepted!;
    const sold = auction!.lots.find((l) => l.status === 'sold')!;
    const tampered = {
      ...auction!,
      bids: auction!.bids.filter((b) => b.id !== acked.id),
      lots: auction!.lots.map((l) => (l.id === sold.id ? { ...l, closedAt: l.endsAt! + 1500 } : l)),
    };
    const behind = { ...result.clientViews[0]!, view: { ...result.clientViews[0]!.view, seq: auction!.seq - 1 } };
    const rules = judge({ auctions: [tampered], acks: result.acks, clients: [behind], endRequestedAt: new Map() }).map((v) => v.rule);
    expect(rules).toEqual(expect.arrayContaining(['ACKED_BID_MISSING', 'LOT_CLOSED_LATE', 'CLIENT_NOT_CONVERGED']));
  });
});
