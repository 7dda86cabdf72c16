/**
 * docs/benchmarks/<scenario>.md (figures, faults, verdict, machine) and <scenario>.html (the
 * same with SVG plots drawn by Observable Plot on a jsdom document).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { machine } from '../bench/report.js';
import {
  describeCpu,
  describeDecision,
  describeGenerator,
  describeMachineCpu,
  describeLink,
  describePhases,
  describeNominations,
  describeProxies,
  describeRssGrowth,
  ratios,
  type Figures,
} from './figures.js';
import type { SteppedFigures } from './steps.js';
import { STEP_ACK_P99_LIMIT_MS, STEP_SETTLE_SHARE } from './scenarios.js';
import type { RunResult } from './run.js';

const OUT = new URL('../docs/benchmarks/', import.meta.url);
/** Points drawn per scatter plot at most (every n-th acknowledgement beyond that). */
const MAX_POINTS = 4000;

export function markdownOf(f: Figures, result: RunResult): string {
  const refusals =
    Object.entries(f.refusals)
      .map(([code, n]) => `${code} ${n}`)
      .join(', ') || 'none';
  const faults = result.chaos.length
    ? result.chaos
        .map(
          (e) =>
            `| ${(e.at / 1000).toFixed(1)} s | ${e.kind} | ${e.what} | ${e.backAt === null ? 'not back' : `${((e.backAt - e.at) / 1000).toFixed(1)} s`} |`,
        )
        .join('\n')
    : '| | | none | |';
  const verdict = result.violations.length
    ? result.violations
        .slice(0, 100)
        .map((v) => `- ${v.rule}: ${v.message}`)
        .join('\n')
    : 'No violation: every acknowledged bid stored as acknowledged, no bid after its deadline, every lot closed once within 1 s of its deadline to its highest bid, budgets and rosters add up, every client converged on the final state, and the invariants of SPEC §8 hold (nominations, proxies).';
  return `# Load: ${f.scenario}

\`npm run load -- --scenario ${f.scenario}\` — ${f.summary}. Through nginx to cluster mode (3 auction-engine
replicas, 1 auth, 1 leagues, 1 scoring) on PostgreSQL and a Redis of the run's own, all on the
machine that runs the load generator. ${f.seconds} s of bidding, measured after ${f.warmUpSeconds} s of warm-up (bidding as in the run, judged but not counted); chaos: ${f.chaos}.
Machine: ${machine()}; load average (1/5/15 min) before ${f.loadBefore.join(' / ')}, after ${f.loadAfter.join(' / ')}; over the measured time its ${describeMachineCpu(f.machineCpu)}.
Plots: [${f.scenario}.html](${f.scenario}.html).

## The limit beside us

${baselineTable(f)}
${stepsSection(f)}
## This run

| figure | value |
|---|---|
| connected | ${f.connectedAtStart} / ${f.sockets} |
| bid ack p50 / p95 / p99 / max ms | ${f.ack.p50} / ${f.ack.p95} / ${f.ack.p99} / ${f.ack.max} |
| bid ack by phase | ${describePhases(f)} |
| broadcast p50 / p99 ms (serverTime → each client) | ${f.broadcast.p50} / ${f.broadcast.p99} (${f.broadcast.count} deliveries) |
| bids answered (per s) | ${f.answered} (${f.answeredPerSecond}) |
| bids accepted (per s) | ${f.accepted} (${f.acceptedPerSecond}) |
| refusals | ${refusals} |
| unanswered bids / sent again after a lost answer | ${f.unanswered} / ${f.retried} |
| lots closed | ${f.lotsClosed} |
| reconnections (p50 / max ms back in the room) | ${f.outages.count} (${f.outages.p50} / ${f.outages.max}) |
${optionalRows(f)}| auction-engine RSS, all replicas: peak / end MB | ${f.engineRssMbPeak} / ${f.engineRssMbEnd} |
| load generator (one process, every client) | ${describeGenerator(f.generator)} |
| judge | ${f.violations} violation(s) |

## Costs

${costsTable(f)}

## Faults

| at | fault | what | back after |
|---|---|---|---|
${faults}

## Verdict

${verdict}
`;
}

/** Rows of the figures only some runs have (the latency link, nominations, proxies), each ending its line. */
function optionalRows(f: Figures): string {
  const rows = [
    f.decision && `| the engine's own time per bid | ${describeDecision(f.decision)} |`,
    f.link && `| latency link | ${describeLink(f.link)} |`,
    f.nominations && `| nominations | ${describeNominations(f.nominations)} |`,
    f.proxies && `| proxies | ${describeProxies(f.proxies)} |`,
    f.rssGrowth && `| memory growth | ${describeRssGrowth(f.rssGrowth)} |`,
  ].filter(Boolean);
  return rows.map((row) => `${row}\n`).join('');
}

function costsTable(f: Figures): string {
  const c = f.unitCosts;
  if (!c) return 'Not measured in runs with faults (a restarted process takes its counters with it).';
  return `Each total divided by one unit; docs/capacity.md splits them between units. WAL is counted server-wide.

| cost | value |
|---|---|
| auction-engine CPU, all replicas | ${c.engineCpuMs} ms |
| … per answered bid / per broadcast delivery / per socket-minute | ${c.engineCpuMsPerAnsweredBid} / ${c.engineCpuMsPerDelivery} / ${c.engineCpuMsPerSocketMinute} ms |
| PostgreSQL backends' CPU (this database, and on the run's own server the backends that ended during it) | ${c.postgresCpuMs} ms (${c.postgresCpuMsPerAnsweredBid} ms per answered bid) |
| PostgreSQL commits on the run's database (background polling included) per answered bid | ${c.commitsPerAnsweredBid} |
| WAL bytes per accepted bid | ${c.walBytesPerAcceptedBid} |
| Redis commands per accepted bid | ${c.redisCommandsPerAcceptedBid} |`;
}

function baselineTable(f: Figures): string {
  if (f.baselines.length === 0) return 'Not measured in this run (`--no-baseline`).';
  const rows = f.baselines.map(
    (b) =>
      `| ${b.name} | ${b.ack.p50} / ${b.ack.p99} | ${b.broadcast.count ? b.broadcast.p99 : '–'} | ${b.answeredPerSecond} | ${describeCpu(b)} | ${ratios(f, b).join('; ')} |`,
  );
  const ours = f.unitCosts
    ? `engine ${f.unitCosts.engineCpuMsPerAnsweredBid} / PostgreSQL ${f.unitCosts.postgresCpuMsPerAnsweredBid}`
    : '–';
  return `Measured in the same run on the same machine, after the scenario, with as many bidders offering the bids per second the scenario answered, and (last, but for a closed loop) with each bidder sending at the moments the scenario's did (see load/baseline.ts and README.md).

| limit | ack p50 / p99 ms | broadcast p99 ms | answered/s | CPU ms per answered bid | ours ÷ limit |
|---|---|---|---|---|---|
| **ours** | ${f.ack.p50} / ${f.ack.p99} | ${f.broadcast.p99} | ${f.answeredPerSecond} | ${ours} | |
${rows.join('\n')}
`;
}

/** A stepped closed loop: each step of ours and of each baseline, and the two figures `max` is after. */
function stepsSection(f: Figures): string {
  if (!f.stepped) return '';
  const all: Array<{ name: string; stepped: SteppedFigures }> = [
    { name: 'ours', stepped: f.stepped },
    ...f.baselines.flatMap((b) => (b.stepped ? [{ name: b.name, stepped: b.stepped }] : [])),
  ];
  const header = `| bidders per auction | ${all.map((a) => a.name).join(' | ')} |\n|---|${all.map(() => '---|').join('')}`;
  const rows = f.stepped.steps.map(
    (step, k) =>
      `| ${step.biddersPerAuction} | ${all
        .map(({ stepped }) => {
          const s = stepped.steps[k];
          return s ? `${s.answeredPerSecond}/s, p99 ${s.ack.p99} ms` : '–';
        })
        .join(' | ')} |`,
  );
  const best = (pick: (s: SteppedFigures) => { answeredPerSecond: number; biddersPerAuction: number } | null) =>
    all
      .map(({ name, stepped }) => {
        const s = pick(stepped);
        return s ? `${name} ${s.answeredPerSecond}/s (${s.biddersPerAuction} per auction)` : `${name}: no step`;
      })
      .join('; ');
  return `
### Steps of the closed loop

Answered bids per second and ack p99 in each step (the first ${STEP_SETTLE_SHARE * 100} % of each step left out while the previous step's queue drains).

${header}
${rows.join('\n')}

- Most answered per second with ack p99 ≤ ${STEP_ACK_P99_LIMIT_MS} ms: ${best((s) => s.withinLimit)}.
- Most answered per second at saturation: ${best((s) => s.saturation)}.
`;
}

export function htmlOf(title: string, markdownBody: string, result: RunResult): string {
  const { document } = new JSDOM('').window;
  const marks = result.chaos.map((e) => ({ t: e.at / 1000, label: `${e.kind}` }));
  const chaosMarks = [
    Plot.ruleX(marks, { x: 't', stroke: 'red', strokeDasharray: '4,3' }),
    Plot.text(marks, { x: 't', text: 'label', frameAnchor: 'top', dy: -2, fill: 'red' }),
  ];
  const step = Math.max(1, Math.ceil(result.acks.length / MAX_POINTS));
  const acks = result.acks
    .filter((_, i) => i % step === 0)
    .map((a) => ({ t: a.at / 1000, ms: a.ms, outcome: a.accepted ? 'accepted' : (a.code ?? '') }));
  const samples = result.samples.map((s) => ({ t: s.at / 1000, ...s, rss: s.engineRssMb.reduce((a, b) => a + b, 0) }));
  const rates = result.samples.flatMap((s) => [
    { t: s.at / 1000, n: s.answered, series: 'answered' },
    { t: s.at / 1000, n: s.accepted, series: 'accepted' },
  ]);
  const rssByReplica = result.samples.flatMap((s) =>
    s.engineRssMb.map((mb, i) => ({ t: s.at / 1000, mb, replica: `auction-engine#${i}` })),
  );
  const plot = (caption: string, options: Plot.PlotOptions) =>
    `<figure>${(Plot.plot({ document, width: 900, height: 280, marginTop: 20, ...options }) as unknown as { outerHTML: string }).outerHTML}<figcaption>${caption}</figcaption></figure>`;
  const figures = [
    plot('Bid acknowledgement latency over time (every point a bid; red: faults)', {
      y: { label: 'ack ms', type: 'log' },
      x: { label: 's' },
      color: { legend: true },
      marks: [Plot.dot(acks, { x: 't', y: 'ms', r: 1.2, fill: 'outcome' }), ...chaosMarks],
    }),
    plot('Bid acknowledgement latency histogram', {
      x: { label: 'ack ms' },
      y: { label: 'bids' },
      marks: [Plot.rectY(acks, Plot.binX({ y: 'count' }, { x: 'ms', thresholds: 60 })), Plot.ruleY([0])],
    }),
    plot('Accepted and answered bids per second', {
      x: { label: 's' },
      y: { label: 'bids/s' },
      color: { legend: true },
      marks: [Plot.lineY(rates, { x: 't', y: 'n', stroke: 'series' }), ...chaosMarks],
    }),
    plot('Connected sockets', {
      x: { label: 's' },
      y: { label: 'sockets', zero: true },
      marks: [Plot.lineY(samples, { x: 't', y: 'connected' }), ...chaosMarks],
    }),
    plot('Resident memory of each auction-engine replica (MB)', {
      x: { label: 's' },
      y: { label: 'MB', zero: true },
      color: { legend: true },
      marks: [Plot.lineY(rssByReplica, { x: 't', y: 'mb', stroke: 'replica' }), ...chaosMarks],
    }),
  ];
  const escaped = markdownBody.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em}figure{margin:1.5em 0}pre{white-space:pre-wrap;background:#f6f6f6;padding:1em}</style>
</head><body>
<h1>${title}</h1>
${figures.join('\n')}
<pre>${escaped}</pre>
</body></html>
`;
}

/** Writes docs/benchmarks/<name>.md, and .html when the run has samples to plot. */
export function writeReport(name: string, figuresOrMarkdown: Figures | string, result: RunResult | null): void {
  mkdirSync(OUT, { recursive: true });
  const markdown = typeof figuresOrMarkdown === 'string' ? figuresOrMarkdown : markdownOf(figuresOrMarkdown, result!);
  writeFileSync(new URL(`${name}.md`, OUT), markdown);
  if (result) writeFileSync(new URL(`${name}.html`, OUT), htmlOf(`Load: ${name}`, markdown, result));
}
