/**
 * The figures of a stepped closed loop (`max`): each step's answered bids per second and ack
 * latencies, the step with the most answered per second within the ack p99 limit, and the most
 * answered per second of any step (saturation). The same for the product and for its baselines.
 */
import { summarise, type Summary } from '../bench/report.js';
import { STEP_ACK_P99_LIMIT_MS, STEP_SETTLE_SHARE, stepAt, type AuctionScenario } from './scenarios.js';

export interface StepFigures {
  /** Bidders bidding in each auction during the step. */
  biddersPerAuction: number;
  ack: Summary;
  answeredPerSecond: number;
  acceptedPerSecond: number;
}

export interface SteppedFigures {
  steps: StepFigures[];
  /** The step with the most answered per second whose ack p99 is within the limit (null: none was). */
  withinLimit: StepFigures | null;
  /** The step with the most answered per second. */
  saturation: StepFigures;
}

export interface Answer {
  /** When the bid was sent, ms since the run started. */
  at: number;
  ms: number;
  accepted: boolean;
}

export function steppedFiguresOf(scenario: AuctionScenario, answers: readonly Answer[], durationMs: number): SteppedFigures | null {
  if (!scenario.steps) return null;
  const stepMs = durationMs / scenario.steps.length;
  const counted = (stepMs * (1 - STEP_SETTLE_SHARE)) / 1000;
  const steps = scenario.steps.map((biddersPerAuction, k) => {
    const inStep = answers.filter(
      (a) => stepAt(scenario, a.at, durationMs) === k && a.at >= k * stepMs + stepMs * STEP_SETTLE_SHARE && a.at + a.ms <= (k + 1) * stepMs,
    );
    return {
      biddersPerAuction,
      ack: summarise(inStep.map((a) => a.ms)),
      answeredPerSecond: Math.round((inStep.length / counted) * 10) / 10,
      acceptedPerSecond: Math.round((inStep.filter((a) => a.accepted).length / counted) * 10) / 10,
    };
  });
  const most = (candidates: StepFigures[]) =>
    candidates.reduce<StepFigures | null>((best, s) => (best && best.answeredPerSecond >= s.answeredPerSecond ? best : s), null);
  return {
    steps,
    withinLimit: most(steps.filter((s) => s.ack.count > 0 && s.ack.p99 <= STEP_ACK_P99_LIMIT_MS)),
    saturation: most(steps)!,
  };
}

export function describeSteps(f: SteppedFigures): string[] {
  const line = (s: StepFigures) =>
    `${s.biddersPerAuction}/auction: ${s.answeredPerSecond} answered/s (${s.acceptedPerSecond} accepted), ack p50 ${s.ack.p50} p99 ${s.ack.p99} ms`;
  return [
    ...f.steps.map((s) => `    ${line(s)}`),
    `    most within ack p99 ≤ ${STEP_ACK_P99_LIMIT_MS} ms: ${f.withinLimit ? line(f.withinLimit) : 'no step'}`,
    `    most at saturation: ${line(f.saturation)}`,
  ];
}
