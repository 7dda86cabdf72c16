import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ALERT_GROUPS, RUNBOOK_BASE } from './alerts.js';
import { DASHBOARDS, dashboardExpressions, locatePanel, metricNamesIn } from './dashboards.js';

/** Alerts, runbooks and dashboards held to each other and to the metrics the services register. */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const rules = ALERT_GROUPS.flatMap((g) => g.rules);

/** Metric names registered in the libraries' sources (counter/gauge/histogram helpers and prom-client classes). */
function registeredMetrics(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ts$/.test(entry.name) && !/\.(spec|test)\.ts$/.test(entry.name)) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/\b(?:counter|gauge|histogram)\(\s*'([a-z_:][a-z0-9_:]*)'/g)) names.add(m[1]!);
        for (const m of text.matchAll(/new (?:Counter|Gauge|Histogram|Summary)\(\{\s*name:\s*'([a-z_:][a-z0-9_:]*)'/g)) names.add(m[1]!);
      }
    }
  };
  walk(join(ROOT, 'libs'));
  return names;
}

/** Series that do not come from our code: Prometheus itself, prom-client's defaults, exporters. */
const EXTERNAL = new Set(['up', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_p99_seconds']);

describe('alert rules', () => {
  it('cover what operators asked for, with unique names', () => {
    const names = rules.map((r) => r.alert);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        'AuctionServiceDown',
        'AuctionHigh5xxRate',
        'AuctionHighLatencyP99',
        'AuctionBidRefusalSpike',
        'AuctionLotCloseLag',
        'AuctionSocketDisconnectStorm',
        'AuctionRedisDown',
        'AuctionDatabaseDown',
        'AuctionRateLimitRefusalSpike',
        'AuctionEventBusFailures',
      ]),
    );
  });

  it('are well-formed PromQL as far as brackets and durations go', () => {
    for (const rule of rules) {
      for (const [open, close] of [
        ['(', ')'],
        ['{', '}'],
        ['[', ']'],
      ] as const) {
        expect(rule.expr.split(open).length, `${rule.alert} ${open}${close}`).toBe(rule.expr.split(close).length);
      }
      expect(rule.for, rule.alert).toMatch(/^\d+[smh]$/);
    }
  });

  it('match ops/prometheus/alerts.yml', () => {
    const file = parse(read('ops/prometheus/alerts.yml'));
    const fromFile = file.groups.flatMap((g: any) =>
      g.rules.map((r: any) => [r.alert, r.expr, r.labels.severity, r.annotations.runbook_url]),
    );
    expect(fromFile).toEqual(rules.map((r) => [r.alert, r.expr, r.severity, `${RUNBOOK_BASE}/${r.runbook}.md`]));
  });

  it('read only metrics the services register (or Prometheus and exporters provide)', () => {
    const known = registeredMetrics();
    expect(known.has('http_request_duration_seconds')).toBe(true);
    for (const expr of [...rules.map((r) => r.expr), ...dashboardExpressions()]) {
      for (const name of metricNamesIn(expr)) {
        expect(known.has(name) || EXTERNAL.has(name), `${name} in ${expr}`).toBe(true);
      }
    }
  });
});

describe('runbooks', () => {
  it.each(rules.map((r) => [r.alert, r.runbook]))(
    '%s has docs/runbooks/%s.md saying what, how to check and how to fix',
    (alert, runbook) => {
      const path = `${RUNBOOK_BASE}/${runbook}.md`;
      expect(existsSync(join(ROOT, path)), path).toBe(true);
      const text = read(path);
      expect(text.split('\n')[0]).toContain(alert);
      for (const section of ['## What it means', '## How to check', '## How to fix'])
        expect(text, `${path}: ${section}`).toContain(section);
    },
  );

  it.each(rules.map((r) => [r.alert, r]))('%s: the runbook and the alert point at the dashboard panel to look at first', (_alert, rule) => {
    const panel = locatePanel(rule.panel);
    const line = `**Look first:** [${panel.dashboardTitle} › ${rule.panel.title}](../../${panel.file}) — in Grafana \`${panel.url}\`.`;
    expect(read(`${RUNBOOK_BASE}/${rule.runbook}.md`)).toContain(line);
    const dashboard = JSON.parse(read(panel.file));
    expect(dashboard.uid).toBe(panel.uid);
    expect(dashboard.panels.find((p: any) => p.id === panel.id).title).toBe(rule.panel.title);
    const fromFile = parse(read('ops/prometheus/alerts.yml'))
      .groups.flatMap((g: any) => g.rules)
      .find((r: any) => r.alert === rule.alert);
    expect(fromFile.annotations.dashboard).toBe(panel.url);
  });

  it('has no page without an alert, and an index listing every alert', () => {
    const pages = readdirSync(join(ROOT, RUNBOOK_BASE)).filter((f) => f.endsWith('.md') && f !== 'README.md');
    expect(pages.sort()).toEqual([...new Set(rules.map((r) => `${r.runbook}.md`))].sort());
    const index = read(`${RUNBOOK_BASE}/README.md`);
    for (const rule of rules) expect(index).toContain(`| ${rule.alert} | ${rule.severity} | [${rule.runbook}.md](${rule.runbook}.md) |`);
  });
});

describe('Grafana dashboards', () => {
  const files = readdirSync(join(ROOT, 'ops/grafana')).filter((f) => f.endsWith('.json'));
  const dashboards = files.map((f) => JSON.parse(read(`ops/grafana/${f}`)));

  it('are one file per dashboard with unique uids', () => {
    expect(files.sort()).toEqual(
      Object.keys(DASHBOARDS)
        .map((k) => `${k}.json`)
        .sort(),
    );
    expect(new Set(dashboards.map((d) => d.uid)).size).toBe(dashboards.length);
  });

  it('lay out panels on the 24-column grid, each with a Prometheus query', () => {
    for (const dashboard of dashboards) {
      for (const panel of dashboard.panels) {
        expect(panel.gridPos.x + panel.gridPos.w, `${dashboard.uid} ${panel.title}`).toBeLessThanOrEqual(24);
        if (panel.type === 'row') continue;
        expect(panel.targets.length, panel.title).toBeGreaterThan(0);
        for (const target of panel.targets) expect(target.datasource.uid).toBe('${datasource}');
      }
    }
  });

  it('show the RED, auction and auth metrics', () => {
    const used = (uid: string) =>
      new Set(
        dashboards.find((d) => d.uid === uid)!.panels.flatMap((p: any) => (p.targets ?? []).flatMap((t: any) => metricNamesIn(t.expr))),
      );
    expect([...used('auction-red')]).toContain('http_request_duration_seconds');
    expect([...used('auction-live')]).toEqual(
      expect.arrayContaining([
        'bids_total',
        'bid_processing_seconds',
        'lots_closed_total',
        'lot_close_lag_seconds',
        'sockets_connected',
        'realtime_broadcasts_total',
      ]),
    );
    expect([...used('auction-auth')]).toEqual(
      expect.arrayContaining(['auth_sign_ins_total', 'mails_sent_total', 'rate_limit_refusals_total']),
    );
  });
});
