/**
 * `npm run load -- --scenario NAME [--minutes M | --seconds S] [--chaos kill[:N],redis,postgres,latency[:MS[:MS[:%]]]] [--no-baseline] [--no-report]`
 * runs one scenario over cluster mode on this machine, then the baseline (see baseline.ts) at
 * the same rate for up to 30 s, prints the figures with their ratios to the baseline, writes
 * docs/benchmarks/<scenario>.md and .html (<scenario>-chaos-<options> with chaos), and exits non-zero when the judge found any
 * violation.
 */
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { baselineDurationMs, runBaselines, sendTimesOf } from './baseline.js';
import { parseChaos } from './chaos.js';
import { startEnvironment } from './environment.js';
import { figuresOf, printFigures } from './figures.js';
import { writeReport } from './report.js';
import { runScenario } from './run.js';
import { findScenario, SCENARIOS } from './scenarios.js';
import { runSignups } from './signups.js';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string' },
      minutes: { type: 'string' },
      seconds: { type: 'string' },
      chaos: { type: 'string' },
      'no-report': { type: 'boolean', default: false },
      'no-baseline': { type: 'boolean', default: false },
    },
  });
  const scenario = values.scenario ? findScenario(values.scenario) : undefined;
  if (!scenario) {
    process.stderr.write(`--scenario is one of: ${SCENARIOS.map((s) => s.name).join(', ')}\n`);
    return 2;
  }
  const chaos = parseChaos(values.chaos);
  const minutes =
    values.seconds !== undefined
      ? Number(values.seconds) / 60
      : values.minutes !== undefined
        ? Number(values.minutes)
        : scenario.defaultMinutes;
  if (!Number.isFinite(minutes) || minutes <= 0) throw new Error('--minutes / --seconds must be a positive number');
  const durationMs = Math.round(minutes * 60_000);

  const env = await startEnvironment({ privatePostgres: true, latency: chaos.latency });
  try {
    if (scenario.kind === 'signups') {
      const outcome = await runSignups(env, scenario);
      process.stdout.write(`${outcome.table}\n`);
      if (!values['no-report']) writeReport(scenario.name, outcome.markdown, null);
      return outcome.errors === 0 ? 0 : 1;
    }
    const log = (line: string) => process.stdout.write(`${scenario.name}: ${line}\n`);
    const bar = new cliProgress.SingleBar(
      {
        format: ' {bar} {value}/{total} s | sockets {connected} | answered {answered}/s accepted {accepted}/s | load {load}',
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let barStarted = false;
    const result = await runScenario({
      scenario,
      durationMs,
      chaos,
      env,
      log: (line) => {
        if (!barStarted) process.stdout.write(`${scenario.name}: ${line}\n`);
      },
      onSample: (sample) => {
        const payload = { connected: sample.connected, answered: sample.answered, accepted: sample.accepted, load: sample.load1 };
        if (!barStarted) {
          bar.start(Math.round(durationMs / 1000), 0, payload);
          barStarted = true;
        }
        bar.update(Math.max(0, Math.min(Math.round(sample.at / 1000), Math.round(durationMs / 1000))), payload);
      },
    });
    bar.stop();
    const answeredPerSecond = result.acks.filter((a) => a.at >= 0 && a.code !== 'NO_ANSWER').length / (durationMs / 1000);
    const baselines = values['no-baseline']
      ? []
      : await runBaselines(env, scenario, answeredPerSecond, baselineDurationMs(scenario, durationMs), log, sendTimesOf(result));
    const figures = figuresOf(result, chaos, baselines);
    printFigures(figures, result.violations);
    if (!values['no-report']) writeReport(reportName(scenario.name, values.chaos), figures, result);
    return result.violations.length === 0 ? 0 : 1;
  } finally {
    await env.stop();
  }
}

/** A run with chaos gets a report of its own beside the scenario's: `150` → `150-chaos-kill-10-redis`. */
function reportName(scenario: string, chaos: string | undefined): string {
  const slug = chaos
    ?.toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug ? `${scenario}-chaos-${slug}` : scenario;
}

process.exitCode = await main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  return 1;
});
