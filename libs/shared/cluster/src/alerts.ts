/**
 * Prometheus alert rules of the platform (`ops/prometheus/alerts.yml` is generated from this
 * list). Every alert has a runbook at `docs/runbooks/<runbook>.md`; a unit test holds both to
 * each other and to the metric names the services register.
 *
 * Every metric comes from the services' `/metrics` (job `auction-platform`, with a `service`
 * label from the scrape config or the chart's ServiceMonitor); `dependency_up` is each
 * replica's own check of PostgreSQL and Redis, so no exporter is needed.
 */
import { locatePanel, type PanelLink } from './dashboards.js';

export interface AlertRule {
  alert: string;
  expr: string;
  for: string;
  severity: 'critical' | 'warning';
  summary: string;
  description: string;
  /** File name under docs/runbooks, without `.md`. */
  runbook: string;
  /** The dashboard panel to look at first (the runbook links it; the alert carries its Grafana path). */
  panel: PanelLink;
}

export const RUNBOOK_BASE = 'docs/runbooks';

export const ALERT_GROUPS: Array<{ name: string; rules: AlertRule[] }> = [
  {
    name: 'auction-platform.availability',
    rules: [
      {
        alert: 'AuctionServiceDown',
        expr: 'sum by (service) (up{job="auction-platform"}) == 0',
        for: '1m',
        severity: 'critical',
        summary: 'No replica of {{ $labels.service }} is up',
        description: 'Prometheus cannot scrape any replica of {{ $labels.service }} for 1 minute; its routes answer 502/503.',
        runbook: 'service-down',
        panel: { dashboard: 'red-per-route', title: 'Replicas up' },
      },
      {
        alert: 'AuctionReplicaDown',
        expr: 'up{job="auction-platform"} == 0',
        for: '5m',
        severity: 'warning',
        summary: 'Replica {{ $labels.instance }} of {{ $labels.service }} is down',
        description: 'One replica has not answered /metrics for 5 minutes; the others carry its traffic.',
        runbook: 'replica-down',
        panel: { dashboard: 'red-per-route', title: 'Replicas up' },
      },
      {
        alert: 'AuctionRedisDown',
        expr: 'max(dependency_up{job="auction-platform", dependency="redis"}) == 0',
        for: '1m',
        severity: 'critical',
        summary: 'Redis is down (no replica reaches it; health check reports "redis":"down")',
        description:
          'No replica has reached Redis for 1 minute (dependency_up, checked on every scrape). Rate limits fall back to per-process memory, Socket.IO rooms no longer span replicas and internal events queue up.',
        runbook: 'redis-down',
        panel: { dashboard: 'red-per-route', title: 'Replicas reaching PostgreSQL and Redis' },
      },
      {
        alert: 'AuctionDatabaseDown',
        expr: 'max(dependency_up{job="auction-platform", dependency="database"}) == 0',
        for: '1m',
        severity: 'critical',
        summary: 'PostgreSQL is unreachable (health check reports "database":"down")',
        description:
          'No replica has reached PostgreSQL for 1 minute (dependency_up, checked on every scrape); every write (bids, sign-ins, imports) fails.',
        runbook: 'database-down',
        panel: { dashboard: 'red-per-route', title: 'Replicas reaching PostgreSQL and Redis' },
      },
    ],
  },
  {
    name: 'auction-platform.http',
    rules: [
      {
        alert: 'AuctionHigh5xxRate',
        expr:
          // `or … * 0`: a service without any 5xx has ratio 0, not no data.
          '(sum by (service) (rate(http_request_duration_seconds_count{status=~"5.."}[5m])) or sum by (service) (rate(http_request_duration_seconds_count[5m])) * 0)\n' +
          '  / sum by (service) (rate(http_request_duration_seconds_count[5m])) > 0.02\n' +
          'and sum by (service) (rate(http_request_duration_seconds_count[5m])) > 0.1',
        for: '5m',
        severity: 'critical',
        summary: '{{ $labels.service }} answers more than 2% of requests with 5xx',
        description: '{{ $value | humanizePercentage }} of {{ $labels.service }} requests failed with a 5xx status over 5 minutes.',
        runbook: 'high-5xx-rate',
        panel: { dashboard: 'red-per-route', title: '5xx ratio by route' },
      },
      {
        alert: 'AuctionHighLatencyP99',
        expr:
          'histogram_quantile(0.99, sum by (service, route, le) (rate(http_request_duration_seconds_bucket{route!~"/health.*|/metrics|unmatched"}[5m]))) > 1\n' +
          'and sum by (service, route) (rate(http_request_duration_seconds_count{route!~"/health.*|/metrics|unmatched"}[5m])) > 0.05',
        for: '10m',
        severity: 'warning',
        summary: 'p99 latency of {{ $labels.route }} ({{ $labels.service }}) is above 1 s',
        description: 'The slowest 1% of requests to {{ $labels.route }} took more than {{ $value | humanizeDuration }} for 10 minutes.',
        runbook: 'high-latency-p99',
        panel: { dashboard: 'red-per-route', title: 'p99 by route' },
      },
      {
        alert: 'AuctionRateLimitRefusalSpike',
        expr: 'sum by (rule) (rate(rate_limit_refusals_total[5m])) > 0.5',
        for: '10m',
        severity: 'warning',
        summary: 'Rate limit {{ $labels.rule }} refuses more than 0.5 requests/s',
        description:
          'Rule {{ $labels.rule }} refused {{ $value | humanize }} requests per second for 10 minutes: an attack, a misbehaving client, or a limit too tight for a club sharing one IP.',
        runbook: 'rate-limit-refusals-spike',
        panel: { dashboard: 'auth', title: 'Refusals/s by rule' },
      },
    ],
  },
  {
    name: 'auction-platform.auction',
    rules: [
      {
        alert: 'AuctionBidRefusalSpike',
        expr:
          'sum by (result) (rate(bids_total{result!~"accepted|BID_TOO_LOW"}[5m]))\n' +
          '  / on() group_left() sum(rate(bids_total[5m])) > 0.25\n' +
          'and on() sum(rate(bids_total[5m])) > 0.2',
        for: '5m',
        severity: 'warning',
        summary: 'Bids refused with {{ $labels.result }} make up more than 25% of bids',
        description:
          '{{ $value | humanizePercentage }} of all bids were refused with {{ $labels.result }} over 5 minutes (BID_TOO_LOW, normal in races, is not counted).',
        runbook: 'bid-refusal-spike',
        panel: { dashboard: 'auction', title: 'Refusals/s by code' },
      },
      {
        alert: 'AuctionLotCloseLag',
        expr: 'sum(increase(lot_close_lag_seconds_count[5m])) - sum(increase(lot_close_lag_seconds_bucket{le="1"}[5m])) > 0',
        for: '0m',
        severity: 'critical',
        summary: 'A lot closed more than 1 s after its deadline',
        description:
          '{{ $value | humanize }} lot(s) closed more than 1 second late in the last 5 minutes (invariant: within 1 s of the deadline).',
        runbook: 'lot-close-lag',
        panel: { dashboard: 'auction', title: 'Lot close lag (deadline → closed)' },
      },
      {
        alert: 'AuctionSocketDisconnectStorm',
        // Against the peak of the last 2 minutes (a subquery), so a drop in steps is caught too.
        expr: 'sum(sockets_connected) < 0.6 * max_over_time(sum(sockets_connected)[2m:15s])\nand max_over_time(sum(sockets_connected)[2m:15s]) > 20',
        for: '1m',
        severity: 'warning',
        summary: 'More than 40% of Socket.IO connections dropped within 2 minutes',
        description:
          'Open sockets fell from a peak above 20 in the last 2 minutes to {{ $value | humanize }}; clients are reconnecting or failing to.',
        runbook: 'socket-disconnect-storm',
        panel: { dashboard: 'auction', title: 'Sockets connected' },
      },
      {
        alert: 'AuctionEventBusFailures',
        expr: '(sum by (topic) (rate(event_bus_messages_total{result="failed"}[5m])) or sum by (topic) (rate(event_bus_messages_total[5m])) * 0) > 0',
        for: '5m',
        severity: 'warning',
        summary: 'Internal events on {{ $labels.topic }} keep failing',
        description: 'Handlers of {{ $labels.topic }} failed for 5 minutes; the events stay pending in the Redis stream and are retried.',
        runbook: 'event-bus-failures',
        panel: { dashboard: 'auction', title: 'Internal events/s by topic and result' },
      },
      {
        alert: 'AuctionMailFailures',
        expr: 'sum(rate(mails_sent_total{result="failed"}[10m]) or rate(mails_sent_total[10m]) * 0) > 0',
        for: '10m',
        severity: 'warning',
        summary: 'Mails (sign-in links, invitations) are failing',
        description: 'The auth service could not hand mail to SMTP for 10 minutes; nobody new can sign in.',
        runbook: 'mail-failures',
        panel: { dashboard: 'auth', title: 'Mails/min by result' },
      },
    ],
  },
];

/** The Prometheus rules file (`ops/prometheus/alerts.yml`) as a document for a YAML writer. */
export function renderAlertRules(): unknown {
  return {
    groups: ALERT_GROUPS.map((group) => ({
      name: group.name,
      rules: group.rules.map((rule) => ({
        alert: rule.alert,
        expr: rule.expr,
        for: rule.for,
        labels: { severity: rule.severity, team: 'auction-platform' },
        annotations: {
          summary: rule.summary,
          description: rule.description,
          runbook_url: `${RUNBOOK_BASE}/${rule.runbook}.md`,
          dashboard: locatePanel(rule.panel).url,
        },
      })),
    })),
  };
}
