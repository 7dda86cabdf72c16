/**
 * bench:scoring — a cricket league of 500 managers × 11 players and 38 matches of stats
 * (209,000 stat lines), against the scoring service hosted in this process on a fresh database
 * of the machine's PostgreSQL, with a stand-in leagues service answering the league's context.
 * Measures the CSV import of each match (5,500 lines, recompute included), the recompute of the
 * standings alone and with every match scored again (the rules changed), and the reads. Then the
 * match files of SPEC §9: a 380-match football-data.co.uk season file and a 1 MB Cricsheet file.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, Module, Param } from '@nestjs/common';
import { loadConfig } from '@auction/config';
import { DomainError, type AuctionCompletedEvent, type ScoringContext } from '@auction/contracts';
import { connectDatabase, freePort, setUpData } from '@auction/db';
import { createRuntime, listen, type HostedService } from '@auction/platform';
import { EventBus } from '@auction/realtime';
import { hostServices } from '@auction/runtime';
import { RecomputeStandingsUseCase, scoringService } from '@auction/scoring';
import { Api, createTestDatabase, testUser, TEST_JWT_SECRET } from '@auction/testing';
import { machine, summarise, writeSection, type Summary } from './report.js';

const MANAGERS = 500;
const ROSTER = 11;
const MATCHES = 38;
const RECOMPUTE_RUNS = 15;
const RESCORE_RUNS = 7;
const READ_RUNS = 30;

const contexts = new Map<string, ScoringContext>();

/** The leagues service's context route; decorators applied as calls, since tsx runs without `experimentalDecorators`. */
class FakeLeaguesController {
  context(id: string): ScoringContext {
    const context = contexts.get(id);
    if (!context) throw new DomainError('NOT_FOUND', 'No such league.');
    return context;
  }
}
Controller('internal/leagues')(FakeLeaguesController);
Get(':id/scoring-context')(
  FakeLeaguesController.prototype,
  'context',
  Object.getOwnPropertyDescriptor(FakeLeaguesController.prototype, 'context')!,
);
Param('id')(FakeLeaguesController.prototype, 'context', 0);
class FakeLeaguesModule {}
Module({ controllers: [FakeLeaguesController] })(FakeLeaguesModule);
const fakeLeagues: HostedService = {
  definition: { docs: 'fake-leagues', title: 'Stand-in leagues service', module: FakeLeaguesModule },
  data: { migrations: { schema: 'fake', folder: '/nonexistent' } },
};

interface Figures {
  loadBefore: number;
  importMs: Summary;
  reimportMs: Summary;
  recomputeMs: Summary;
  rescoreMs: Summary;
  leaderboardMs: Summary;
  breakdownMs: Summary;
  statLines: number;
  topPoints: number;
}

async function main(): Promise<void> {
  const database = await createTestDatabase();
  const setup = connectDatabase(database.url, { max: 1 });
  await setUpData(setup.db, [scoringService.data]);
  await setup.pool.end();

  const port = await freePort();
  const env = {
    PORT: String(port),
    DATABASE_URL: database.url,
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'warn',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-scoring-')),
    RATE_LIMITS: 'off',
    NODE_ENV: 'production',
  };
  const runtime = createRuntime(loadConfig(env, { mode: 'standalone', service: 'standalone' }));
  const app = await hostServices(runtime, [scoringService, fakeLeagues]);
  const api = new Api(await listen(app, runtime));
  try {
    const figures = await run(app, api);
    report(figures);
    reportMatchFiles(await matchFiles(api));
  } finally {
    await app.close();
    await runtime.database.pool.end();
    await database.drop();
  }
}

async function run(app: Awaited<ReturnType<typeof hostServices>>, api: Api): Promise<Figures> {
  const loadBefore = Math.round(loadavg()[0]! * 10) / 10;
  const members = Array.from({ length: MANAGERS }, (_, i) => testUser(`manager-${i + 1}`));
  const players = Array.from({ length: MANAGERS * ROSTER }, (_, i) => ({
    id: randomUUID(),
    externalId: `bench-player-${String(i + 1).padStart(5, '0')}`,
    name: `Player ${i + 1}`,
    shortName: null,
    team: null,
    aliases: [],
    registryId: null,
  }));
  const context: ScoringContext = {
    leagueId: randomUUID(),
    sport: 'cricket',
    scoringRules: { run: 1, wicket: 20, catch: 10, stumping: 25, runOut: 20 },
    commissionerId: members[0]!.id,
    status: 'completed',
    members: members.map((m, i) => ({
      userId: m.id,
      displayName: m.displayName,
      joinedAt: new Date(Date.UTC(2025, 6, 1, 0, i)).toISOString(),
    })),
    catalogue: players,
    poolAssetIds: players.map((p) => p.id),
  };
  contexts.set(context.leagueId, context);
  const token = members[0]!.token;
  const base = `/api/scoring/leagues/${context.leagueId}`;

  const auction: AuctionCompletedEvent = {
    auctionId: randomUUID(),
    leagueId: context.leagueId,
    sport: 'cricket',
    completedAt: new Date().toISOString(),
    managers: members.map((m, i) => ({
      userId: m.id,
      displayName: m.displayName,
      joinedAt: context.members[i]!.joinedAt,
      budget: 500,
      spent: 100 + (i % 300),
      roster: players.slice(i * ROSTER, (i + 1) * ROSTER).map((p, j) => ({
        assetId: p.id,
        externalId: p.externalId,
        name: p.name,
        price: 1 + ((i + j) % 40),
        lotId: randomUUID(),
      })),
    })),
  };
  await app.get(EventBus).publish('auction.completed', auction);
  await until(async () => (await api.get(`${base}/leaderboard`, { token })).body?.entries?.[0]?.spent === 100);

  const fixtures = [
    'externalMatchId,startsAt,homeTeam,awayTeam,competition',
    ...Array.from(
      { length: MATCHES },
      (_, m) => `ODI-${m + 1},${new Date(Date.UTC(2025, 9, 1 + m)).toISOString()},New Zealand,England,BENCH`,
    ),
  ];
  await expectOk(await api.post(`${base}/fixtures`, undefined, { token, raw: { contentType: 'text/csv', body: fixtures.join('\n') } }));

  const files = Array.from({ length: MATCHES }, (_, m) => statsFile(m, players));
  const importMs: number[] = [];
  for (const file of files)
    importMs.push(
      await timed(async () =>
        expectOk(await api.post(`${base}/results`, undefined, { token, raw: { contentType: 'text/csv', body: file } })),
      ),
    );
  const reimportMs: number[] = [];
  for (const file of files.slice(0, 5)) {
    reimportMs.push(
      await timed(async () =>
        expectOk(await api.post(`${base}/results`, undefined, { token, raw: { contentType: 'text/csv', body: file } })),
      ),
    );
  }

  const recompute = app.get(RecomputeStandingsUseCase);
  const recomputeMs: number[] = [];
  for (let i = 0; i < RECOMPUTE_RUNS; i++) {
    recomputeMs.push(await timed(() => recompute.execute({ context })));
  }
  const rescoreMs: number[] = [];
  for (let i = 0; i < RESCORE_RUNS; i++) {
    // New rules: every one of the 209,000 stat lines is scored again before the standings.
    const rules = { ...context, scoringRules: { ...context.scoringRules, run: 1 + (i % 2) } };
    rescoreMs.push(await timed(() => recompute.execute({ context: rules })));
  }
  await recompute.execute({ context });

  const leaderboardMs: number[] = [];
  let board: { entries: Array<{ userId: string; points: number }> } = { entries: [] };
  for (let i = 0; i < READ_RUNS; i++) {
    leaderboardMs.push(
      await timed(async () => (board = (await expectOk(await api.get(`${base}/leaderboard`, { token }))) as typeof board)),
    );
  }
  const breakdownMs: number[] = [];
  for (let i = 0; i < READ_RUNS; i++) {
    const entry = board.entries[(i * 17) % board.entries.length]!;
    breakdownMs.push(
      await timed(async () => {
        const breakdown = (await expectOk(await api.get(`${base}/managers/${entry.userId}/breakdown`, { token }))) as { total: number };
        if (breakdown.total !== entry.points) throw new Error(`breakdown ${breakdown.total} ≠ leaderboard ${entry.points}`);
      }),
    );
  }
  if (board.entries.length !== MANAGERS) throw new Error(`leaderboard lists ${board.entries.length} managers`);
  return {
    loadBefore,
    importMs: summarise(importMs),
    reimportMs: summarise(reimportMs),
    recomputeMs: summarise(recomputeMs),
    rescoreMs: summarise(rescoreMs),
    leaderboardMs: summarise(leaderboardMs),
    breakdownMs: summarise(breakdownMs),
    statLines: MATCHES * players.length,
    topPoints: board.entries[0]!.points,
  };
}

/** One match: a line for every rostered player, with figures that vary by player and match. */
function statsFile(match: number, players: Array<{ externalId: string }>): string {
  const lines = ['externalMatchId,playerExternalId,runs,wickets,catches,stumpings,runOuts'];
  players.forEach((player, p) => {
    const seed = (p * 7919 + match * 104_729) % 1_000_003;
    lines.push(
      `ODI-${match + 1},${player.externalId},${seed % 120},${seed % 5},${seed % 3},${seed % 7 === 0 ? 1 : 0},${seed % 11 === 0 ? 1 : 0}`,
    );
  });
  return lines.join('\n');
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function expectOk(answer: { status: number; body: unknown }): Promise<unknown> {
  if (answer.status !== 200) throw new Error(`HTTP ${answer.status}: ${JSON.stringify(answer.body).slice(0, 500)}`);
  return answer.body;
}

async function until(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('rosters not stored in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function report(f: Figures): void {
  const row = (what: string, runs: string, s: Summary) => `| ${what} | ${runs} | ${s.p50} | ${s.p95} | ${s.max} |`;
  const table = [
    '| step | runs | p50 ms | p95 ms | max ms |',
    '|---|---|---|---|---|',
    row('import one match of stats (5,500 lines), recompute included', `${f.importMs.count}`, f.importMs),
    row('re-import a match (replaces its 5,500 lines)', `${f.reimportMs.count}`, f.reimportMs),
    row('recompute the standings (500 managers, season totals of 5,500 players)', `${f.recomputeMs.count}`, f.recomputeMs),
    row('recompute after a rules change (all 209,000 lines scored again)', `${f.rescoreMs.count}`, f.rescoreMs),
    row('GET leaderboard (500 entries)', `${f.leaderboardMs.count}`, f.leaderboardMs),
    row('GET breakdown (11 players × 38 matches)', `${f.breakdownMs.count}`, f.breakdownMs),
  ].join('\n');
  const body = `\`npm run bench:scoring\` — a cricket league of ${MANAGERS} managers × ${ROSTER} players and ${MATCHES} matches of
stats (${f.statLines.toLocaleString('en')} stat lines, one CSV per match), against the scoring service hosted in the
benchmark process (NODE_ENV=production) on a fresh database of the machine's PostgreSQL, with a stand-in
leagues service for the league's context. Imports go through HTTP (CSV parsing, permission check, one
transaction with the recompute); recomputes call the use case directly. Machine: ${machine()};
load average ${f.loadBefore} when the run started (the machine is shared with other test runs).

${table}

Target: a full leaderboard recompute of 500 × 11 × 38 under 1 s. A recompute ranks every manager from
each player's season totals (\`asset_totals\`, kept up to date by each import from the points of the
matches it replaced); a rules change scores all 209,000 lines again and sums the totals afresh (rules
can change only before the auction starts, so normally before any result). Every breakdown read was
checked equal to its leaderboard points (top score ${f.topPoints}).`;
  process.stdout.write(`${table}\n`);
  writeSection('Scoring', body);
}

const MATCH_FILE_RUNS = 10;

interface MatchFileFigures {
  seasonBytes: number;
  seasonMs: Summary;
  cricsheetBytes: number;
  deliveries: number;
  cricsheetMs: Summary;
}

/** Imports of the published formats, each file uploaded `MATCH_FILE_RUNS` times (the first stores, the rest update). */
async function matchFiles(api: Api): Promise<MatchFileFigures> {
  const commissioner = testUser('commissioner');
  const league = (
    sport: ScoringContext['sport'],
    catalogue: ScoringContext['catalogue'],
    scoringRules: ScoringContext['scoringRules'],
  ): ScoringContext => {
    const context: ScoringContext = {
      leagueId: randomUUID(),
      sport,
      scoringRules,
      commissionerId: commissioner.id,
      status: 'completed',
      members: [{ userId: commissioner.id, displayName: commissioner.displayName, joinedAt: new Date().toISOString() }],
      catalogue,
      poolAssetIds: catalogue.map((asset) => asset.id),
    };
    contexts.set(context.leagueId, context);
    return context;
  };
  const clubs = Array.from({ length: 20 }, (_, i) => ({
    id: randomUUID(),
    externalId: `bench-club-${i + 1}`,
    name: `Bench Club ${i + 1}`,
    shortName: `B${String(i + 1).padStart(2, '0')}`,
    team: 'England',
    aliases: [`Club ${i + 1}`],
    registryId: null,
  }));
  const football = league('football', clubs, { win: 3, draw: 1, goal: 1 });
  const season = seasonFile(clubs.map((club) => club.aliases[0]!));
  const seasonMs: number[] = [];
  for (let i = 0; i < MATCH_FILE_RUNS; i++) {
    seasonMs.push(await timed(async () => expectOk(await post(api, football.leagueId, 'results', 'text/csv', season, commissioner.token))));
  }

  const people = Array.from({ length: 22 }, (_, i) => ({
    team: i < 11 ? 'Home XI' : 'Away XI',
    name: `P${i < 11 ? 'H' : 'A'} Player${i + 1}`,
  }));
  const players = people.map((person, i) => ({
    id: randomUUID(),
    externalId: `bench-cricketer-${i + 1}`,
    name: `Pat Player${i + 1}`,
    shortName: null,
    team: person.team,
    aliases: [],
    registryId: `r${i + 1}`,
  }));
  const cricket = league('cricket', players, { run: 1, wicket: 20, catch: 10, stumping: 25, runOut: 20 });
  const { text: sheet, deliveries } = cricsheetFile(people, 1024 * 1024);
  const cricsheetMs: number[] = [];
  for (let i = 0; i < MATCH_FILE_RUNS; i++) {
    cricsheetMs.push(
      await timed(async () => expectOk(await post(api, cricket.leagueId, 'results', 'application/json', sheet, commissioner.token))),
    );
  }
  return {
    seasonBytes: Buffer.byteLength(season),
    seasonMs: summarise(seasonMs),
    cricsheetBytes: Buffer.byteLength(sheet),
    deliveries,
    cricsheetMs: summarise(cricsheetMs),
  };
}

function post(api: Api, leagueId: string, route: string, contentType: string, body: string, token: string) {
  return api.post(`/api/scoring/leagues/${leagueId}/${route}`, undefined, { token, raw: { contentType, body } });
}

/** A double round robin of 20 clubs (380 matches) in football-data.co.uk's layout, with 100 odds columns after the results. */
function seasonFile(names: string[]): string {
  const odds = Array.from({ length: 100 }, (_, i) => `ODD${i}`);
  const lines = [['Div', 'Date', 'Time', 'HomeTeam', 'AwayTeam', 'FTHG', 'FTAG', 'FTR', ...odds].join(',')];
  let n = 0;
  for (const home of names) {
    for (const away of names) {
      if (home === away) continue;
      const day = new Date(Date.UTC(2025, 7, 16 + Math.floor(n / 10)));
      const date = `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()}`;
      const [hg, ag] = [n % 4, (n * 7) % 3];
      lines.push(
        [
          `E0`,
          date,
          n % 2 ? '15:00' : '17:30',
          home,
          away,
          hg,
          ag,
          hg > ag ? 'H' : hg < ag ? 'A' : 'D',
          ...odds.map((_, i) => (1 + ((n + i) % 90) / 10).toFixed(2)),
        ].join(','),
      );
      n += 1;
    }
  }
  return lines.join('\n');
}

/** A Cricsheet match file of at least `bytes`, pretty-printed as Cricsheet publishes it: deliveries with dismissals of every common kind. */
function cricsheetFile(people: Array<{ team: string; name: string }>, bytes: number): { text: string; deliveries: number } {
  const home = people.filter((p) => p.team === 'Home XI').map((p) => p.name);
  const away = people.filter((p) => p.team === 'Away XI').map((p) => p.name);
  const kinds = ['bowled', 'caught', 'lbw', 'stumped', 'run out', 'caught and bowled'];
  const innings: Array<{ team: string; overs: Array<{ over: number; deliveries: unknown[] }> }> = [];
  let deliveries = 0;
  const file = () => ({
    meta: { data_version: '1.1.0', created: '2025-11-01', revision: 1 },
    info: {
      dates: ['2025-10-26', '2025-10-27', '2025-10-28', '2025-10-29', '2025-10-30'],
      teams: ['Home XI', 'Away XI'],
      match_type: 'Test',
      players: { 'Home XI': home, 'Away XI': away },
      registry: { people: Object.fromEntries(people.map((p, i) => [p.name, `r${i + 1}`])) },
    },
    innings,
  });
  for (let i = 0; JSON.stringify(file(), null, 2).length < bytes; i++) {
    const [batting, fielding] = i % 2 === 0 ? [home, away] : [away, home];
    const overs = Array.from({ length: 50 }, (_, over) => ({
      over,
      deliveries: Array.from({ length: 6 }, (_, ball) => {
        deliveries += 1;
        const n = over * 6 + ball;
        const batter = batting[n % 11]!;
        const bowler = fielding[(over % 5) + 6]!;
        const out =
          n % 29 === 0 ? [{ player_out: batter, kind: kinds[n % kinds.length]!, fielders: [{ name: fielding[n % 6]! }] }] : undefined;
        return {
          batter,
          bowler,
          non_striker: batting[(n + 1) % 11]!,
          runs: { batter: n % 5, extras: 0, total: n % 5 },
          ...(out ? { wickets: out } : {}),
        };
      }),
    }));
    innings.push({ team: i % 2 === 0 ? 'Home XI' : 'Away XI', overs });
  }
  return { text: JSON.stringify(file(), null, 2), deliveries };
}

function reportMatchFiles(f: MatchFileFigures): void {
  const row = (what: string, s: Summary) => `| ${what} | ${s.count} | ${s.p50} | ${s.p95} | ${s.max} |`;
  const kb = (n: number) => `${Math.round(n / 1024)} KB`;
  const table = [
    '| import (HTTP, recompute included) | runs | p50 ms | p95 ms | max ms |',
    '|---|---|---|---|---|',
    row(`football-data.co.uk season file: 380 matches, ${kb(f.seasonBytes)}`, f.seasonMs),
    row(`Cricsheet match file: ${f.deliveries.toLocaleString('en')} deliveries, ${kb(f.cricsheetBytes)}`, f.cricsheetMs),
  ].join('\n');
  const body = `\`npm run bench:scoring\`, second part — the published match-data formats of SPEC §9 through the same
HTTP imports (streamed read and checks, one transaction with the recompute), each file uploaded
${MATCH_FILE_RUNS} times to its own league (the first run stores, the others update the same fixtures and lines).
The season file has 100 odds columns after the results, as football-data.co.uk's files do; the
Cricsheet file is pretty-printed like the published ones. Machine: ${machine()}; load average
${Math.round(loadavg()[0]! * 10) / 10} at the end (shared machine).

${table}

Target (issue 12): each well under a second.`;
  process.stdout.write(`${table}\n`);
  writeSection('Scoring: match files', body);
}

await main();
