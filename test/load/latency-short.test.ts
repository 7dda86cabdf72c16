import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChaos } from '../../load/chaos.js';
import { startEnvironment, type LoadEnvironment } from '../../load/environment.js';
import { runScenario, type RunResult } from '../../load/run.js';
import { findScenario, type AuctionScenario } from '../../load/scenarios.js';

/**
 * `--chaos latency` in short: the `50x3` scenario for 15 s with every bidder in a network
 * namespace of the run's own, across a link of 40 ms ± 10 ms and 1 % loss each way. The delay
 * is measured from the clients' side (no round trip can be shorter than twice the least
 * one-way delay); the run is judged on the invariants. Needs root, `ip` and `socat`.
 */
describe('load harness, short form: 150 bidders in 3 auctions across a delaying, lossy link', () => {
  const plan = parseChaos('latency:40:10:1');
  const leastRoundTripMs = 2 * (plan.latency!.delayMs - plan.latency!.jitterMs);
  let env: LoadEnvironment;
  let result: RunResult;
  let namespace: string;

  beforeAll(async () => {
    // A PostgreSQL of its own, as the command line has (the shared server's 100 connections run out beside other work).
    env = await startEnvironment({ privatePostgres: true, latency: plan.latency });
    namespace = env.clients.namespace!;
  }, 120_000);

  afterAll(async () => {
    await env?.stop();
  }, 60_000);

  it('delays every round trip by the link and still loses no acknowledged bid', async () => {
    expect(execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' })).toContain(namespace);
    const scenario = findScenario('50x3') as AuctionScenario;
    result = await runScenario({ scenario, durationMs: 15_000, chaos: plan, env });

    const link = result.link!;
    expect(link.connectMs.length).toBeGreaterThanOrEqual(150);
    expect(Math.min(...link.connectMs)).toBeGreaterThanOrEqual(leastRoundTripMs);
    const answered = result.acks.filter((a) => a.code !== 'NO_ANSWER');
    expect(answered.length).toBeGreaterThan(100);
    expect(Math.min(...answered.map((a) => a.ms))).toBeGreaterThanOrEqual(leastRoundTripMs);
    // One-way: a broadcast reaches a client no sooner than the least delay after its transaction.
    expect(Math.min(...result.deliveries)).toBeGreaterThanOrEqual(plan.latency!.delayMs - plan.latency!.jitterMs - 5);
    expect(link.stats!.upstream.dropped + link.stats!.downstream.dropped).toBeGreaterThan(0);

    expect(result.connectedAtStart).toBe(150);
    expect(result.auctions.flatMap((a) => a.lots).filter((l) => l.status === 'sold').length).toBeGreaterThan(0);
    expect(result.violations).toEqual([]);
  }, 100_000);

  it('removes the namespace and its link when the environment stops', async () => {
    await env.stop();
    expect(execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' })).not.toContain(namespace);
    expect(execFileSync('ip', ['route'], { encoding: 'utf8' })).not.toContain(env.clients.listenHost!);
  }, 60_000);
});
