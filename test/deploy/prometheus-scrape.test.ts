import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  ALERT_GROUPS,
  DASHBOARDS,
  startCluster,
  startRedisServer,
  waitUntil,
  type ClusterHandle,
  type RedisServerHandle,
} from '@auction/cluster';
import { signAccessToken } from '@auction/auth-guard';
import type { AuctionSnapshot } from '@auction/contracts';
import { Api, TestSmtpServer, createTestDatabase, type TestDatabase } from '@auction/testing';
import { connectSocket, nextEvent, type ClientSocket } from '../integration/auction/support/sockets.js';
import { startPrometheus, type RunningPrometheus } from '../support/prometheus.js';

/**
 * Dashboards and alerts against a real Prometheus: cluster mode (auction-engine ×2), Debian's
 * Prometheus scraping every replica each second, some real traffic (a magic-link sign-in, a
 * rate-limit refusal, an auction with accepted and refused bids, a sold lot, a completion that
 * scoring consumes), then every dashboard panel's query and every alert expression must return
 * series: no query reads a metric (or a label) that the platform does not produce.
 * Needs the build: `npm test` builds first.
 */
const SECRET = randomBytes(48).toString('base64url');
const DRIVEN = [
  'bids_total',
  'bid_processing_seconds_count',
  'lots_closed_total',
  'lot_close_lag_seconds_count',
  'realtime_broadcasts_total',
  'event_bus_messages_total',
  'auth_sign_ins_total',
  'mails_sent_total',
  'rate_limit_refusals_total',
  'dependency_up',
];

/** Grafana's template variables as "all". */
const withVariables = (expr: string) => expr.replaceAll('$service', '.*').replaceAll('$route', '.*');

/** The alert's expression with `bool` comparisons: the value it compares, for healthy series too. */
const measured = (expr: string) => expr.replace(/(\s)(==|!=|>=|<=|>|<)(\s)/g, '$1$2 bool$3');

const panels = Object.values(DASHBOARDS).flatMap((d) =>
  d.rows.flatMap((r) =>
    r.panels.flatMap((p) => p.targets.map((t) => [`${d.uid} / ${p.title} / ${t.legend}`, withVariables(t.expr)] as const)),
  ),
);
const alerts = ALERT_GROUPS.flatMap((g) => g.rules.map((r) => [r.alert, measured(r.expr)] as const));

describe('dashboards and alerts on a real Prometheus scraping cluster mode', () => {
  let database: TestDatabase;
  let redis: RedisServerHandle;
  let smtp: TestSmtpServer;
  let cluster: ClusterHandle;
  let prometheus: RunningPrometheus;
  const sockets: ClientSocket[] = [];

  const mint = (name: string) => {
    const id = randomUUID();
    return signAccessToken(SECRET, { id, email: `${name}-${id.slice(0, 8)}@club.test`, displayName: name }, new Date());
  };

  beforeAll(async () => {
    database = await createTestDatabase(inject('templateDatabase'));
    redis = await startRedisServer();
    smtp = new TestSmtpServer();
    cluster = await startCluster({
      replicas: { auth: 1, leagues: 1, 'auction-engine': 2, scoring: 1 },
      databaseUrl: database.url,
      redisUrl: redis.url,
      env: { JWT_SECRET: SECRET, SMTP_URL: await smtp.start(), MAIL_FROM: 'auction@club.test' },
      readyTimeoutMs: 120_000,
    });
    prometheus = await startPrometheus(cluster.replicas);
    await drive(new Api(cluster.url));
    await waitUntil(
      async () => {
        const names = new Set(
          (await prometheus.query(`count by (__name__) ({__name__=~"${DRIVEN.join('|')}"})`)).map((s) => s.metric.__name__),
        );
        return DRIVEN.every((n) => names.has(n));
      },
      { timeoutMs: 30_000, what: `Prometheus has scraped ${DRIVEN.join(', ')}` },
    );
  }, 300_000);

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await prometheus?.stop();
    await cluster?.stop();
    await smtp?.stop();
    await redis?.stop();
    await database?.drop();
  }, 60_000);

  async function drive(api: Api): Promise<void> {
    // Sign-in by mail, a wrong link, and the per-address limit (3 links an hour) refusing a 4th.
    const email = `member-${randomUUID().slice(0, 8)}@club.test`;
    expect((await api.post('/api/auth/magic-link', { email })).status).toBe(202);
    const mail = await smtp.nextMail(email);
    expect((await api.post('/api/auth/verify-magic-link', { token: mail.token })).status).toBe(200);
    expect((await api.post('/api/auth/verify-magic-link', { token: 'x'.repeat(43) })).status).toBeGreaterThanOrEqual(400);
    for (let i = 0; i < 2; i++) expect((await api.post('/api/auth/magic-link', { email })).status).toBe(202);
    expect((await api.post('/api/auth/magic-link', { email })).status).toBe(429);

    // An auction: one accepted bid, one too low, one over budget; the lot sells; the auction ends.
    const commissioner = mint('commissioner');
    const league = await api.post(
      '/api/leagues',
      {
        name: `Scrape ${randomUUID().slice(0, 6)}`,
        sport: 'football',
        budget: 100,
        rosterSize: 1,
        bidTimerSeconds: 3,
        antiSnipeSeconds: 0,
        leadInSeconds: 0,
        lotGapSeconds: 0,
      },
      { token: commissioner },
    );
    expect(league.status, JSON.stringify(league.body)).toBe(201);
    const rival = mint('rival');
    expect((await api.post('/api/leagues/join', { inviteToken: league.body.inviteToken }, { token: rival })).status).toBe(200);
    const started = await api.post<AuctionSnapshot>('/api/auctions', { leagueId: league.body.id }, { token: commissioner });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const auctionId = started.body.id;
    const [mine, theirs] = await Promise.all([connectSocket(cluster.url, commissioner), connectSocket(cluster.url, rival)]);
    sockets.push(mine, theirs);
    const joined = await mine.timeout(10_000).emitWithAck('auction:join', { auctionId });
    await theirs.timeout(10_000).emitWithAck('auction:join', { auctionId });
    if (!joined.ok) throw new Error(`auction:join refused: ${joined.error.code}`);
    const lotId = joined.snapshot.currentLot!.id;
    const sold = nextEvent(mine, 'lot:sold', (e) => e.lotId === lotId, 20_000);
    const bid = (socket: ClientSocket, amount: number) =>
      socket.timeout(10_000).emitWithAck('bid:place', { auctionId, lotId, amount, clientBidId: randomUUID() });
    const first = await bid(mine, 10);
    expect(first.ok, JSON.stringify(first)).toBe(true);
    const tooLow = await bid(theirs, 10);
    expect(!tooLow.ok && tooLow.error.code).toBe('BID_TOO_LOW');
    const overBudget = await bid(theirs, 1000);
    expect(overBudget.ok).toBe(false);
    await sold;
    const completed = nextEvent(mine, 'auction:completed', (e) => e.auctionId === auctionId, 20_000);
    const ended = await api.post(`/api/auctions/${auctionId}/end`, undefined, { token: commissioner });
    expect(ended.status, JSON.stringify(ended.body)).toBeLessThan(300);
    await completed;
  }

  it('scrapes every replica as job auction-platform with its service label', async () => {
    const expected = cluster.replicas.map((r) => `${r.service} 127.0.0.1:${r.port}`).sort();
    // Any scrape in the last 10 s counts: on a loaded machine one scrape can miss its 900 ms timeout.
    const upLately = async () =>
      (await prometheus.query('max_over_time(up{job="auction-platform"}[10s]) == 1'))
        .map((s) => `${s.metric.service} ${s.metric.instance}`)
        .sort();
    await waitUntil(async () => JSON.stringify(await upLately()) === JSON.stringify(expected), {
      timeoutMs: 15_000,
      what: 'every replica scraped',
    }).catch(() => undefined);
    expect(await upLately()).toEqual(expected);
  });

  it('loads every alert rule and evaluates it without errors', async () => {
    await waitUntil(async () => (await prometheus.rules()).flatMap((g) => g.rules).every((r) => r.health === 'ok'), {
      timeoutMs: 15_000,
      what: 'every rule evaluated',
    });
    const rules = (await prometheus.rules()).flatMap((g) => g.rules);
    expect(rules.map((r) => r.name).sort()).toEqual(alerts.map(([name]) => name).sort());
    for (const rule of rules) expect(rule.lastError ?? '', rule.name).toBe('');
  });

  it.each(panels)('dashboard panel %s returns series', async (_panel, expr) => {
    // Rates need two scrapes of a series in their window: wait for them rather than sleep.
    await waitUntil(async () => (await prometheus.query(expr)).length > 0, { timeoutMs: 30_000, what: expr });
  });

  it.each(alerts)('alert %s measures series', async (_alert, expr) => {
    await waitUntil(async () => (await prometheus.query(expr)).length > 0, { timeoutMs: 30_000, what: expr });
  });

  it('sees both dependencies up from every replica', async () => {
    const up = await prometheus.query('dependency_up');
    expect(up).toHaveLength(cluster.replicas.length * 2);
    expect(up.every((s) => s.value[1] === '1')).toBe(true);
  });
});
