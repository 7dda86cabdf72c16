/**
 * `npm run load:capacity [-- --seconds S | --observations FILE]` solves the capacity model of docs/capacity.md on this
 * machine: runs six scenarios (no faults), each in an environment of its own, that vary room
 * size at the same bid rate per bidder and the sockets per bid, fits the engine's and
 * PostgreSQL's per-unit costs to them by least squares, runs `200` and `50x3` to check the
 * model's predictions against what they measured, sizes 10× and 100× today's load, and writes
 * the result into docs/capacity.md. `--observations` fits it again from the `name: {…}` lines a run
 * printed, without running.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { machine } from '../bench/report.js';
import {
  predictEngineCpuMs,
  predictPostgresCpuMs,
  ratesOf,
  size,
  solveModel,
  type CostModel,
  type LoadShape,
  type Observation,
  type Sizing,
} from './capacity-model.js';
import { NO_CHAOS } from './chaos.js';
import { startEnvironment } from './environment.js';
import { runScenario, type RunResult } from './run.js';
import { findScenario, type AuctionScenario } from './scenarios.js';

/** The same bidders' pace as `150`, in rooms of another size: bids per delivery vary, bids per bidder do not. */
function inRooms(auctions: number, biddersPerAuction: number): AuctionScenario {
  const base = findScenario('150') as AuctionScenario;
  const name = `${biddersPerAuction}x${auctions}`;
  return { ...base, name, summary: `${auctions} auctions at once, ${biddersPerAuction} bidders each`, auctions, biddersPerAuction };
}

const named = (name: string) => findScenario(name) as AuctionScenario;
const CALIBRATION: AuctionScenario[] = [named('idle'), named('10'), inRooms(20, 10), inRooms(8, 25), named('150'), named('50x20')];
const VALIDATION: AuctionScenario[] = [named('200'), named('50x3')];
const SHAPES: LoadShape[] = [
  { name: '1× (the pilot club: one room of 150)', rooms: 1, biddersPerRoom: 150, idleSockets: 0 },
  { name: '10×: ten rooms of 150', rooms: 10, biddersPerRoom: 150, idleSockets: 0 },
  { name: '10×: one room of 1,500', rooms: 1, biddersPerRoom: 1500, idleSockets: 0 },
  { name: '100×: a hundred rooms of 150, 50,000 sockets only listening', rooms: 100, biddersPerRoom: 150, idleSockets: 50_000 },
];
const DOC = join(import.meta.dirname, '../docs/capacity.md');
const BEGIN = '<!-- capacity:begin (written by npm run load:capacity) -->';
const END = '<!-- capacity:end -->';

function observationOf(result: RunResult): Observation {
  if (!result.costs) throw new Error(`${result.scenario.name}: no costs were read`);
  const answered = result.acks.filter((a) => a.at >= 0 && a.kind === 'bid' && a.code !== 'NO_ANSWER');
  return {
    name: result.scenario.name,
    seconds: result.durationMs / 1000,
    answered: answered.length,
    accepted: answered.filter((a) => a.accepted).length,
    deliveries: result.deliveries.length,
    socketMinutes: (result.connectedAtStart * result.durationMs) / 60_000,
    engineCpuMs: result.costs.engineCpuMs,
    postgresCpuMs: result.costs.postgresCpuMs,
    engineRssMb: Math.max(0, ...result.samples.map((s) => s.engineRssMb.reduce((a, b) => a + b, 0))),
    sockets: result.connectedAtStart,
  };
}

/** One run in a fresh environment: no run inherits another's memory, caches or table bloat. */
async function measure(scenario: AuctionScenario, seconds: number): Promise<Observation> {
  const name = scenario.name;
  process.stdout.write(`${name}: ${seconds} s…\n`);
  const env = await startEnvironment({ privatePostgres: true });
  const result = await runScenario({ scenario, durationMs: seconds * 1000, chaos: NO_CHAOS, env }).finally(() => env.stop());
  if (result.violations.length) throw new Error(`${name}: the judge found ${result.violations.length} violation(s)`);
  if (result.connectedAtStart < result.sockets)
    throw new Error(`${name}: ${result.sockets - result.connectedAtStart} socket(s) did not connect`);
  const observation = observationOf(result);
  process.stdout.write(`${name}: ${JSON.stringify(observation)}\n`);
  return observation;
}

const round = (n: number, digits = 3) => Number(n.toFixed(digits));
const errorPercent = (predicted: number, measured: number) =>
  `${predicted >= measured ? '+' : ''}${round(((predicted - measured) / measured) * 100, 1)} %`;

function markdown(model: CostModel, runs: Observation[], checks: Observation[], sizings: Sizing[], loads: string): string {
  const runRows = [...runs, ...checks].map(
    (o) =>
      `| \`${o.name}\` | ${o.seconds} | ${o.answered} / ${o.accepted} | ${o.deliveries} | ${o.sockets} | ${o.engineCpuMs} | ${o.postgresCpuMs} | ${Math.round(o.engineRssMb)} |`,
  );
  const fitRows = runs.map((o) => {
    const engine = predictEngineCpuMs(model, o);
    const postgres = predictPostgresCpuMs(model, o);
    return `| \`${o.name}\` | ${Math.round(engine)} / ${o.engineCpuMs} (${errorPercent(engine, o.engineCpuMs)}) | ${Math.round(postgres)} / ${o.postgresCpuMs} (${errorPercent(postgres, o.postgresCpuMs)}) |`;
  });
  const checkRows = checks.map((o) => {
    const engine = predictEngineCpuMs(model, o);
    const postgres = predictPostgresCpuMs(model, o);
    return `| \`${o.name}\` | ${Math.round(engine)} / ${o.engineCpuMs} (${errorPercent(engine, o.engineCpuMs)}) | ${Math.round(postgres)} / ${o.postgresCpuMs} (${errorPercent(postgres, o.postgresCpuMs)}) |`;
  });
  const sizeRows = sizings.map(
    (z) =>
      `| ${z.shape.name} | ${Math.round(z.answeredPerSecond)} / ${Math.round(z.acceptedPerSecond)} | ${Math.round(z.deliveriesPerSecond)} | ${round(z.engineCores, 2)} | ${round(z.postgresCores, 2)} | ${Math.round(z.engineRssMb)} |`,
  );
  return [
    BEGIN,
    `Measured by \`npm run load:capacity\` on ${machine()}; 1-minute load average ${loads}.`,
    '',
    '| run | seconds | answered / accepted bids | deliveries | sockets | engine CPU ms | PostgreSQL CPU ms | engine RSS peak MB |',
    '|---|---|---|---|---|---|---|---|',
    ...runRows,
    '',
    `Fitted by least squares to \`${runs.map((o) => o.name).join('`, `')}\`: **a = ${round(model.a)} ms per accepted bid, r = ${round(model.r)} ms per refused bid, d = ${round(model.d, 4)} ms per delivery, s = ${round(model.s)} ms per socket-minute, t = ${round(model.t)} ms per second** of background work (engine); **p = ${round(model.p)} ms per accepted bid, u = ${round(model.u)} ms per refused bid, q = ${round(model.q)} ms per second** of background work (PostgreSQL); none below 0.`,
    '',
    'How well it fits the runs it was fitted to (predicted / measured CPU ms):',
    '',
    '| run | engine | PostgreSQL |',
    '|---|---|---|',
    ...fitRows,
    '',
    'The model against runs it was not fitted to (predicted / measured CPU ms):',
    '',
    '| run | engine | PostgreSQL |',
    '|---|---|---|',
    ...checkRows,
    '',
    "Sizing at the `150` run's rates per bidder and per room (cores are CPU seconds per second; memory for the engine replicas together):",
    '',
    '| load | answered / accepted bids/s | deliveries/s | engine cores | PostgreSQL cores | engine RSS MB |',
    '|---|---|---|---|---|---|',
    ...sizeRows,
    END,
  ].join('\n');
}

function writeDoc(section: string): void {
  const doc = readFileSync(DOC, 'utf8');
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/capacity.md has no ${BEGIN} … ${END} section`);
  writeFileSync(DOC, doc.slice(0, start) + section + doc.slice(end + END.length));
}

/** The observations a run printed (`name: {…}` lines), to fit the model again without running. */
function recorded(file: string): Observation[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line) => /^[\w.-]+: (\{.*\})$/.exec(line)?.[1] ?? [])
    .map((json) => JSON.parse(json) as Observation);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' }, observations: { type: 'string' } } });
  const seconds = Number(values.seconds);
  if (!Number.isFinite(seconds) || seconds < 10) throw new Error('--seconds must be at least 10');
  const before = loadavg()[0]!;
  const runs: Observation[] = [];
  const checks: Observation[] = [];
  if (values.observations) {
    const seen = recorded(values.observations);
    const named = (scenario: AuctionScenario) => {
      const found = seen.find((o) => o.name === scenario.name);
      if (!found) throw new Error(`${values.observations} has no observation of ${scenario.name}`);
      return found;
    };
    runs.push(...CALIBRATION.map(named));
    checks.push(...VALIDATION.map(named));
  } else {
    for (const scenario of CALIBRATION) runs.push(await measure(scenario, seconds));
    for (const scenario of VALIDATION) checks.push(await measure(scenario, seconds));
  }
  const model = solveModel(runs);
  const rates = ratesOf(
    runs.find((o) => o.name === '150')!,
    150,
    runs.find((o) => o.name === 'idle')!,
  );
  const loads = values.observations
    ? "not recorded (fitted again from the run's printed observations with `--observations`)"
    : `${round(before, 2)} before, ${round(loadavg()[0]!, 2)} after`;
  const section = markdown(
    model,
    runs,
    checks,
    SHAPES.map((shape) => size(model, rates, shape)),
    loads,
  );
  process.stdout.write(`\n${section}\n`);
  writeDoc(section);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
