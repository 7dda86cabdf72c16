/**
 * Grafana dashboards (`ops/grafana/*.json` are generated from these): RED per route for every
 * service, the live auction, and sign-in/mail/rate limits. Data source: a Prometheus chosen
 * with the `datasource` variable.
 */
interface Target {
  expr: string;
  legend: string;
}

interface PanelSpec {
  title: string;
  description?: string;
  type?: 'timeseries' | 'stat' | 'table';
  unit?: string;
  targets: Target[];
  /** Grid width out of 24; panels flow left to right, 8 high. */
  width?: number;
  stacked?: boolean;
}

interface DashboardSpec {
  uid: string;
  title: string;
  description: string;
  tags: string[];
  /** Extra template variables (label values), after `datasource`. */
  variables?: Array<{ name: string; label: string; query: string; multi?: boolean }>;
  rows: Array<{ title: string; panels: PanelSpec[] }>;
}

const DATASOURCE = { type: 'prometheus', uid: '${datasource}' };

function panel(spec: PanelSpec, id: number, x: number, y: number): Record<string, unknown> {
  const type = spec.type ?? 'timeseries';
  return {
    id,
    type,
    title: spec.title,
    ...(spec.description ? { description: spec.description } : {}),
    datasource: DATASOURCE,
    gridPos: { h: 8, w: spec.width ?? 12, x, y },
    targets: spec.targets.map((t, i) => ({
      refId: String.fromCharCode(65 + i),
      datasource: DATASOURCE,
      expr: t.expr,
      legendFormat: t.legend,
      ...(type === 'table' ? { format: 'table', instant: true } : { range: true }),
    })),
    fieldConfig: {
      defaults: {
        unit: spec.unit ?? 'short',
        ...(type === 'timeseries'
          ? {
              custom: {
                drawStyle: 'line',
                lineWidth: 1,
                fillOpacity: spec.stacked ? 30 : 10,
                stacking: { mode: spec.stacked ? 'normal' : 'none' },
              },
            }
          : {}),
      },
      overrides: [],
    },
    options:
      type === 'timeseries'
        ? {
            legend: { displayMode: 'table', placement: 'bottom', calcs: ['mean', 'max', 'lastNotNull'] },
            tooltip: { mode: 'multi', sort: 'desc' },
          }
        : type === 'stat'
          ? { reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false }, colorMode: 'value', graphMode: 'area' }
          : { showHeader: true },
  };
}

export function renderDashboard(spec: DashboardSpec): Record<string, unknown> {
  const panels: Array<Record<string, unknown>> = [];
  let id = 1;
  let y = 0;
  for (const row of spec.rows) {
    panels.push({ id: id++, type: 'row', title: row.title, collapsed: false, gridPos: { h: 1, w: 24, x: 0, y }, panels: [] });
    y += 1;
    let x = 0;
    for (const p of row.panels) {
      const width = p.width ?? 12;
      if (x + width > 24) {
        x = 0;
        y += 8;
      }
      panels.push(panel(p, id++, x, y));
      x += width;
    }
    y += 8;
  }
  return {
    uid: spec.uid,
    title: spec.title,
    description: spec.description,
    tags: spec.tags,
    editable: true,
    graphTooltip: 1,
    schemaVersion: 39,
    version: 1,
    refresh: '30s',
    time: { from: 'now-3h', to: 'now' },
    timezone: 'browser',
    templating: {
      list: [
        { name: 'datasource', label: 'Prometheus', type: 'datasource', query: 'prometheus', current: {}, hide: 0 },
        ...(spec.variables ?? []).map((v) => ({
          name: v.name,
          label: v.label,
          type: 'query',
          datasource: DATASOURCE,
          query: { query: v.query, refId: 'vars' },
          definition: v.query,
          refresh: 2,
          includeAll: true,
          multi: v.multi ?? true,
          allValue: '.*',
          current: { selected: true, text: ['All'], value: ['$__all'] },
          sort: 1,
          hide: 0,
        })),
      ],
    },
    annotations: { list: [] },
    panels,
  };
}

const HTTP = 'http_request_duration_seconds';

/** `part`, or 0 for every series of `whole` that has no `part` yet (a ratio of 0, not "no data"). */
function orZero(part: string, whole: string): string {
  return `(${part} or ${whole} * 0)`;
}
const SEL = 'service=~"$service", route=~"$route", route!~"/health.*|/metrics"';

export const DASHBOARDS: Record<string, DashboardSpec> = {
  'red-per-route': {
    uid: 'auction-red',
    title: 'Auction platform — RED per route',
    description: 'Rate, errors and duration of every HTTP route of every service (http_request_duration_seconds).',
    tags: ['auction-platform', 'red'],
    variables: [
      { name: 'service', label: 'Service', query: `label_values(${HTTP}_count, service)` },
      { name: 'route', label: 'Route', query: `label_values(${HTTP}_count{service=~"$service"}, route)` },
    ],
    rows: [
      {
        title: 'Overview',
        panels: [
          {
            title: 'Replicas up',
            type: 'stat',
            width: 6,
            targets: [{ expr: 'sum by (service) (up{job="auction-platform"})', legend: '{{service}}' }],
          },
          {
            title: 'Requests/s',
            type: 'stat',
            width: 6,
            unit: 'reqps',
            targets: [{ expr: `sum(rate(${HTTP}_count{${SEL}}[5m]))`, legend: 'all' }],
          },
          {
            title: '5xx ratio',
            type: 'stat',
            width: 6,
            unit: 'percentunit',
            targets: [
              {
                expr: `${orZero(`sum(rate(${HTTP}_count{${SEL}, status=~"5.."}[5m]))`, `sum(rate(${HTTP}_count{${SEL}}[5m]))`)} / sum(rate(${HTTP}_count{${SEL}}[5m]))`,
                legend: '5xx',
              },
            ],
          },
          {
            title: 'p99 latency',
            type: 'stat',
            width: 6,
            unit: 's',
            targets: [{ expr: `histogram_quantile(0.99, sum by (le) (rate(${HTTP}_bucket{${SEL}}[5m])))`, legend: 'p99' }],
          },
        ],
      },
      {
        title: 'Dependencies',
        panels: [
          {
            title: 'Replicas reaching PostgreSQL and Redis',
            description: 'dependency_up: each replica checks the database and Redis on every scrape (as /health/ready does).',
            type: 'stat',
            width: 24,
            targets: [
              { expr: 'sum by (dependency) (dependency_up{job="auction-platform", service=~"$service"})', legend: '{{dependency}}' },
            ],
          },
        ],
      },
      {
        title: 'Rate',
        panels: [
          {
            title: 'Requests/s by route',
            unit: 'reqps',
            stacked: true,
            targets: [
              { expr: `sum by (service, method, route) (rate(${HTTP}_count{${SEL}}[5m]))`, legend: '{{service}} {{method}} {{route}}' },
            ],
          },
          {
            title: 'Requests/s by status',
            unit: 'reqps',
            stacked: true,
            targets: [{ expr: `sum by (status) (rate(${HTTP}_count{${SEL}}[5m]))`, legend: '{{status}}' }],
          },
        ],
      },
      {
        title: 'Errors',
        panels: [
          {
            title: '5xx ratio by route',
            unit: 'percentunit',
            targets: [
              {
                expr: `${orZero(`sum by (service, method, route) (rate(${HTTP}_count{${SEL}, status=~"5.."}[5m]))`, `sum by (service, method, route) (rate(${HTTP}_count{${SEL}}[5m]))`)} / sum by (service, method, route) (rate(${HTTP}_count{${SEL}}[5m]))`,
                legend: '{{service}} {{method}} {{route}}',
              },
            ],
          },
          {
            title: '4xx/s by route (refusals: validation, rules, limits)',
            unit: 'reqps',
            targets: [
              {
                expr: `sum by (service, method, route, status) (rate(${HTTP}_count{${SEL}, status=~"4.."}[5m]))`,
                legend: '{{status}} {{method}} {{route}}',
              },
            ],
          },
        ],
      },
      {
        title: 'Duration',
        panels: [
          {
            title: 'p50 by route',
            unit: 's',
            width: 8,
            targets: [
              {
                expr: `histogram_quantile(0.5, sum by (service, route, le) (rate(${HTTP}_bucket{${SEL}}[5m])))`,
                legend: '{{service}} {{route}}',
              },
            ],
          },
          {
            title: 'p95 by route',
            unit: 's',
            width: 8,
            targets: [
              {
                expr: `histogram_quantile(0.95, sum by (service, route, le) (rate(${HTTP}_bucket{${SEL}}[5m])))`,
                legend: '{{service}} {{route}}',
              },
            ],
          },
          {
            title: 'p99 by route',
            unit: 's',
            width: 8,
            targets: [
              {
                expr: `histogram_quantile(0.99, sum by (service, route, le) (rate(${HTTP}_bucket{${SEL}}[5m])))`,
                legend: '{{service}} {{route}}',
              },
            ],
          },
          {
            title: 'Routes (last 1h)',
            type: 'table',
            width: 24,
            targets: [
              { expr: `sum by (service, method, route) (increase(${HTTP}_count{${SEL}}[1h]))`, legend: 'requests' },
              { expr: `histogram_quantile(0.99, sum by (service, method, route, le) (rate(${HTTP}_bucket{${SEL}}[1h])))`, legend: 'p99' },
            ],
          },
        ],
      },
      {
        title: 'Processes',
        panels: [
          {
            title: 'Resident memory by replica',
            unit: 'bytes',
            targets: [
              { expr: 'process_resident_memory_bytes{job="auction-platform", service=~"$service"}', legend: '{{service}} {{instance}}' },
            ],
          },
          {
            title: 'Event loop lag p99 by replica',
            unit: 's',
            targets: [
              { expr: 'nodejs_eventloop_lag_p99_seconds{job="auction-platform", service=~"$service"}', legend: '{{service}} {{instance}}' },
            ],
          },
        ],
      },
    ],
  },
  auction: {
    uid: 'auction-live',
    title: 'Auction platform — live auctions',
    description: 'Bids, lots, timers and real-time delivery of the auction-engine replicas.',
    tags: ['auction-platform', 'auction'],
    rows: [
      {
        title: 'Bids',
        panels: [
          {
            title: 'Bids/s by result',
            unit: 'reqps',
            stacked: true,
            targets: [{ expr: 'sum by (result) (rate(bids_total[1m]))', legend: '{{result}}' }],
          },
          {
            title: 'Accepted share of bids',
            unit: 'percentunit',
            targets: [{ expr: 'sum(rate(bids_total{result="accepted"}[5m])) / sum(rate(bids_total[5m]))', legend: 'accepted' }],
          },
          {
            title: 'Bid processing time',
            unit: 's',
            targets: [
              { expr: 'histogram_quantile(0.5, sum by (le) (rate(bid_processing_seconds_bucket[5m])))', legend: 'p50' },
              { expr: 'histogram_quantile(0.99, sum by (le) (rate(bid_processing_seconds_bucket[5m])))', legend: 'p99' },
            ],
          },
          {
            title: 'Refusals/s by code',
            unit: 'reqps',
            targets: [{ expr: 'sum by (result) (rate(bids_total{result!="accepted"}[5m]))', legend: '{{result}}' }],
          },
        ],
      },
      {
        title: 'Lots',
        panels: [
          {
            title: 'Lots closed/min by outcome',
            unit: 'short',
            stacked: true,
            targets: [{ expr: 'sum by (outcome) (increase(lots_closed_total[1m]))', legend: '{{outcome}}' }],
          },
          {
            title: 'Lot close lag (deadline → closed)',
            description: 'Invariant: every lot closes within 1 s of its deadline, even when its timer replica died.',
            unit: 's',
            targets: [
              { expr: 'histogram_quantile(0.5, sum by (le) (rate(lot_close_lag_seconds_bucket[5m])))', legend: 'p50' },
              { expr: 'histogram_quantile(0.99, sum by (le) (rate(lot_close_lag_seconds_bucket[5m])))', legend: 'p99' },
              {
                expr: 'sum(increase(lot_close_lag_seconds_count[5m])) - sum(increase(lot_close_lag_seconds_bucket{le="1"}[5m]))',
                legend: 'closed > 1 s late (5m)',
              },
            ],
          },
        ],
      },
      {
        title: 'Real-time',
        panels: [
          {
            title: 'Sockets connected',
            unit: 'short',
            targets: [
              { expr: 'sum(sockets_connected)', legend: 'all' },
              { expr: 'sum by (instance) (sockets_connected)', legend: '{{instance}}' },
            ],
          },
          {
            title: 'Broadcasts/s by event',
            unit: 'reqps',
            stacked: true,
            targets: [{ expr: 'sum by (event) (rate(realtime_broadcasts_total[1m]))', legend: '{{event}}' }],
          },
          {
            title: 'Internal events/s by topic and result',
            unit: 'reqps',
            targets: [{ expr: 'sum by (topic, result) (rate(event_bus_messages_total[5m]))', legend: '{{topic}} {{result}}' }],
          },
          {
            title: 'Auction HTTP p99',
            unit: 's',
            targets: [
              {
                expr: `histogram_quantile(0.99, sum by (route, le) (rate(${HTTP}_bucket{service="auction-engine", route!~"/health.*|/metrics"}[5m])))`,
                legend: '{{route}}',
              },
            ],
          },
        ],
      },
    ],
  },
  auth: {
    uid: 'auction-auth',
    title: 'Auction platform — sign-in, mail and rate limits',
    description: 'Magic-link sign-ins, mail delivery and rate-limit refusals.',
    tags: ['auction-platform', 'auth'],
    rows: [
      {
        title: 'Sign-in',
        panels: [
          {
            title: 'Link verifications/min by outcome',
            unit: 'short',
            stacked: true,
            targets: [{ expr: 'sum by (outcome) (increase(auth_sign_ins_total[1m]))', legend: '{{outcome}}' }],
          },
          {
            title: 'Successful share of verifications',
            unit: 'percentunit',
            targets: [{ expr: 'sum(rate(auth_sign_ins_total{outcome="ok"}[15m])) / sum(rate(auth_sign_ins_total[15m]))', legend: 'ok' }],
          },
          {
            title: 'Mails/min by result',
            unit: 'short',
            stacked: true,
            targets: [{ expr: 'sum by (result) (increase(mails_sent_total[1m]))', legend: '{{result}}' }],
          },
          {
            title: 'Auth HTTP p99 by route',
            unit: 's',
            targets: [
              {
                expr: `histogram_quantile(0.99, sum by (route, le) (rate(${HTTP}_bucket{service="auth", route!~"/health.*|/metrics"}[5m])))`,
                legend: '{{route}}',
              },
            ],
          },
        ],
      },
      {
        title: 'Rate limits',
        panels: [
          {
            title: 'Refusals/s by rule',
            unit: 'reqps',
            stacked: true,
            targets: [{ expr: 'sum by (rule) (rate(rate_limit_refusals_total[5m]))', legend: '{{rule}}' }],
          },
          {
            title: '429 answers/s by service',
            unit: 'reqps',
            targets: [{ expr: `sum by (service) (rate(${HTTP}_count{status="429"}[5m]))`, legend: '{{service}}' }],
          },
        ],
      },
    ],
  },
};

const PROMQL_KEYWORDS = new Set(['and', 'or', 'unless', 'bool']);

/** The metric names a PromQL expression reads (histogram series folded to their base name). */
export function metricNamesIn(expr: string): string[] {
  const cleaned = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\boffset\s+\w+/g, ' ');
  const names = (cleaned.match(/\b[a-zA-Z_:][a-zA-Z0-9_:]*\b(?!\s*\()/g) ?? []).filter((n) => !PROMQL_KEYWORDS.has(n));
  return [...new Set(names.map((n) => n.replace(/_(bucket|count|sum)$/, '')))];
}

/** Where a panel is: its dashboard's file, uid and title, and the panel's id (Grafana: `/d/<uid>?viewPanel=<id>`). */
export interface PanelLink {
  dashboard: string;
  title: string;
}

export function locatePanel(link: PanelLink): { file: string; uid: string; dashboardTitle: string; id: number; url: string } {
  const spec = DASHBOARDS[link.dashboard];
  if (!spec) throw new Error(`no dashboard ${link.dashboard}`);
  const panel = (renderDashboard(spec).panels as Array<{ id: number; title: string; type: string }>).find(
    (p) => p.type !== 'row' && p.title === link.title,
  );
  if (!panel) throw new Error(`no panel "${link.title}" on dashboard ${link.dashboard}`);
  return {
    file: `ops/grafana/${link.dashboard}.json`,
    uid: spec.uid,
    dashboardTitle: spec.title,
    id: panel.id,
    url: `/d/${spec.uid}?viewPanel=${panel.id}`,
  };
}

/** Every PromQL expression of every dashboard. */
export function dashboardExpressions(): string[] {
  return Object.values(DASHBOARDS).flatMap((d) => d.rows.flatMap((r) => r.panels.flatMap((p) => p.targets.map((t) => t.expr))));
}
