import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, startTestStack, type TestStack } from '@auction/testing';
import { RecomputeStandingsUseCase, scoringService } from '@auction/scoring';
import {
  auctionOf,
  club,
  completeAuction,
  count,
  createLeague,
  csv,
  fakeServices,
  leagueRows,
  recordBroadcasts,
  totalsDrift,
  type TestLeague,
  type TestMember,
  type PartialRules,
} from './scoring-fakes.js';

const CATALOGUE = [
  club('eng-arsenal', 'Arsenal', 'ARS'),
  club('eng-chelsea', 'Chelsea', 'CHE'),
  club('eng-liverpool', 'Liverpool', 'LIV'),
  club('eng-manchester-city', 'Manchester City', 'MCI'),
  club('eng-tottenham-hotspur', 'Tottenham Hotspur', 'TOT'),
  club('eng-newcastle-united', 'Newcastle United', 'NEW'),
  club('eng-aston-villa', 'Aston Villa', 'AVL'),
  club('eng-everton', 'Everton', 'EVE'),
  club('eng-brentford', 'Brentford', 'BRE'),
  club('eng-fulham', 'Fulham', 'FUL'),
];

/** Teams named by name, short name and external id, in any case. */
const FIXTURES = [
  'externalMatchId,startsAt,homeTeam,awayTeam,competition',
  'M1,2025-08-16T15:00:00Z,Arsenal,BRE,EPL',
  'M2,2025-08-16T17:30:00+01:00,chelsea,fulham,EPL',
  'M3,2025-08-17T14:00:00Z,Liverpool,BRE,EPL',
  'M4,2025-08-18T14:00:00Z,FUL,LIV,EPL',
  'M5,2025-08-19T14:00:00Z,liv,eng-brentford,EPL',
  'M6,2025-08-20T14:00:00Z,MCI,BRE,EPL',
  'M7,2025-08-21T14:00:00Z,FUL,Manchester City,EPL',
  'M8,2025-08-22T14:00:00Z,MCI,FUL,EPL',
  'M9,2025-08-23T14:00:00Z,  tottenham   hotspur ,BRE,EPL',
  'M10,2025-08-24T14:00:00Z,NEW,FUL,EPL',
  'M11,2025-08-25T14:00:00Z,AVL,BRE,EPL',
  'M12,2025-08-26T14:00:00Z,FUL,EVE,EPL',
  'M13,2025-09-13T11:30:00Z,ARS,CHE,EPL',
  'M14,2025-09-20T11:30:00Z,LIV,MCI,EPL',
];

const RESULTS = [
  'externalMatchId,homeGoals,awayGoals',
  'M1,3,3', // ann (ARS): draw 1 + 3 goals = 4
  'M2,1,0', // bob (CHE): win 3 + 1 = 4
  'M3,1,1', // cat (LIV): 2, 2, 2 = 6, goals 3, no win
  'M4,1,1',
  'M5,1,1',
  'M6,1,0', // dan (MCI): 4 + 1 + 1 = 6, goals 3, one win
  'M7,2,1',
  'M8,1,3',
  'M9,2,0', // eve (TOT): win 3 + 2 = 5
  'M10,2,1', // fay (NEW): win 3 + 2 = 5
  'M11,4,0', // gus (AVL): win 3 + 4 = 7
  'M12,1,4', // hal (EVE), away: win 3 + 4 = 7
];

describe('football scoring', () => {
  const clock = new ManualClock(new Date('2025-09-01T00:00:00Z'));
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ services: [scoringService, fakeServices], clock });
  });
  afterAll(async () => {
    await stack.close();
  });

  /**
   * Nine members; each pair of managers ties on points and is split by one step of the chain:
   * ann/bob by goals (bob has more wins, spent less, joined first), cat/dan by wins (cat spent
   * less, joined first), eve/fay by spend (eve joined first), gus/hal by join time (hal's user
   * id sorts first). ivy bought nothing.
   */
  async function seasonLeague(options: { scoringRules?: PartialRules } = {}) {
    let league: TestLeague;
    let m: Record<string, TestMember>;
    do {
      league = createLeague('football', CATALOGUE, ['bob', 'ann', 'cat', 'dan', 'eve', 'fay', 'gus', 'hal', 'ivy'], options);
      m = Object.fromEntries(league.members.map((member) => [member.displayName, member]));
    } while (!(m.hal!.id < m.gus!.id));
    await completeAuction(
      stack,
      auctionOf(league, [
        { member: m.ann!, spent: 40, assets: ['eng-arsenal'] },
        { member: m.bob!, spent: 10, assets: ['eng-chelsea'] },
        { member: m.cat!, spent: 15, assets: ['eng-liverpool'] },
        { member: m.dan!, spent: 45, assets: ['eng-manchester-city'] },
        { member: m.eve!, spent: 30, assets: ['eng-tottenham-hotspur'] },
        { member: m.fay!, spent: 20, assets: ['eng-newcastle-united'] },
        { member: m.gus!, spent: 25, assets: ['eng-aston-villa'] },
        { member: m.hal!, spent: 25, assets: ['eng-everton'] },
      ]),
    );
    const token = league.commissioner.token;
    return { league, m, token };
  }

  async function upload(league: TestLeague, kind: 'fixtures' | 'results', lines: string[], token = league.commissioner.token) {
    return stack.api.post(`/api/scoring/leagues/${league.id}/${kind}`, undefined, { token, raw: csv(lines) });
  }

  async function leaderboard(league: TestLeague, token = league.commissioner.token) {
    const answer = await stack.api.get(`/api/scoring/leagues/${league.id}/leaderboard`, { token });
    expect(answer.status).toBe(200);
    return answer.body;
  }

  it('ranks every manager by points, then goals, wins, lower spend and earlier join', async () => {
    const { league, m } = await seasonLeague();
    const broadcasts = recordBroadcasts(stack);
    expect((await upload(league, 'fixtures', FIXTURES)).body).toEqual({
      format: 'fixtures-csv',
      dryRun: false,
      inserted: 14,
      updated: 0,
      errors: [],
    });
    expect((await upload(league, 'results', RESULTS)).body).toEqual({
      format: 'football-results-csv',
      dryRun: false,
      inserted: 12,
      updated: 0,
      errors: [],
    });
    expect(broadcasts.filter((b) => b.event === 'leaderboard:updated')).toEqual([
      { room: `league:${league.id}`, event: 'leaderboard:updated', payload: { leagueId: league.id } },
      { room: `league:${league.id}`, event: 'leaderboard:updated', payload: { leagueId: league.id } },
    ]);

    const board = await leaderboard(league);
    const entry = (rank: number, name: string, points: number, spent: number, goals: number, wins: number) => ({
      rank,
      userId: m[name]!.id,
      displayName: name,
      points,
      spent,
      tiebreaks: { goals, wins },
    });
    expect(board).toEqual({
      leagueId: league.id,
      entries: [
        entry(1, 'gus', 7, 25, 4, 1), // join time: gus joined a day before hal
        entry(2, 'hal', 7, 25, 4, 1),
        entry(3, 'dan', 6, 45, 3, 1), // wins
        entry(4, 'cat', 6, 15, 3, 0),
        entry(5, 'fay', 5, 20, 2, 1), // lower spend
        entry(6, 'eve', 5, 30, 2, 1),
        entry(7, 'ann', 4, 40, 3, 0), // goals
        entry(8, 'bob', 4, 10, 1, 1),
        entry(9, 'ivy', 0, 0, 0, 0), // no roster
      ],
    });
  });

  it('breaks each manager’s points down per match, adding up to the leaderboard', async () => {
    const { league, m } = await seasonLeague();
    await upload(league, 'fixtures', FIXTURES);
    await upload(league, 'results', RESULTS);
    const dan = await stack.api.get(`/api/scoring/leagues/${league.id}/managers/${m.dan!.id}/breakdown`, { token: m.ivy!.token });
    expect(dan.status).toBe(200);
    const mci = CATALOGUE.find((c) => c.externalId === 'eng-manchester-city')!;
    expect(dan.body).toEqual({
      userId: m.dan!.id,
      total: 6,
      matches: [
        { externalMatchId: 'M6', points: 4, assets: [{ assetId: mci.id, name: 'Manchester City', points: 4 }] },
        { externalMatchId: 'M7', points: 1, assets: [{ assetId: mci.id, name: 'Manchester City', points: 1 }] },
        { externalMatchId: 'M8', points: 1, assets: [{ assetId: mci.id, name: 'Manchester City', points: 1 }] },
      ],
    });
    const board = await leaderboard(league);
    for (const entry of board.entries) {
      const breakdown = await stack.api.get(`/api/scoring/leagues/${league.id}/managers/${entry.userId}/breakdown`, {
        token: m.bob!.token,
      });
      expect(breakdown.body.total).toBe(entry.points);
      expect(breakdown.body.matches.reduce((sum: number, match: { points: number }) => sum + match.points, 0)).toBe(entry.points);
    }
    expect(
      (await stack.api.get(`/api/scoring/leagues/${league.id}/managers/${m.ivy!.id}/breakdown`, { token: m.ivy!.token })).body,
    ).toEqual({
      userId: m.ivy!.id,
      total: 0,
      matches: [],
    });
    const stranger = await stack.api.get(`/api/scoring/leagues/${league.id}/managers/${crypto.randomUUID()}/breakdown`, {
      token: m.ivy!.token,
    });
    expect(stranger.status).toBe(404);
  });

  it('answers the same file twice with {inserted: 0, updated: n} and the same leaderboard', async () => {
    const { league } = await seasonLeague();
    await upload(league, 'fixtures', FIXTURES);
    await upload(league, 'results', RESULTS);
    const before = await leaderboard(league);
    expect((await upload(league, 'fixtures', FIXTURES)).body).toEqual({
      format: 'fixtures-csv',
      dryRun: false,
      inserted: 0,
      updated: 14,
      errors: [],
    });
    expect((await upload(league, 'results', RESULTS)).body).toEqual({
      format: 'football-results-csv',
      dryRun: false,
      inserted: 0,
      updated: 12,
      errors: [],
    });
    expect(await leaderboard(league)).toEqual(before);
    expect(await count(stack, 'select count(*) from scoring.fixtures where league_id = $1', [league.id])).toBe(14);
    expect(await count(stack, 'select count(*) from scoring.asset_points where league_id = $1', [league.id])).toBe(24);
  });

  it('replaces a match’s result when it is uploaded again, and the standings follow', async () => {
    const { league, m } = await seasonLeague();
    await upload(league, 'fixtures', FIXTURES);
    await upload(league, 'results', RESULTS);
    // ARS now lose M1 0-3: ann scores 0 and, with equal stats, ranks below ivy, who spent less.
    expect((await upload(league, 'results', ['externalMatchId,homeGoals,awayGoals', 'M1,0,3'])).body).toEqual({
      format: 'football-results-csv',
      dryRun: false,
      inserted: 0,
      updated: 1,
      errors: [],
    });
    const board = await leaderboard(league);
    expect(board.entries.slice(-3).map((e: { displayName: string; points: number }) => [e.displayName, e.points])).toEqual([
      ['bob', 4],
      ['ivy', 0],
      ['ann', 0],
    ]);
    const fixtures = await stack.api.get(`/api/scoring/leagues/${league.id}/fixtures`, { token: m.ann!.token });
    expect(fixtures.body.items[0]).toMatchObject({ externalMatchId: 'M1', status: 'completed', result: { homeGoals: 0, awayGoals: 3 } });
    expect(await totalsDrift(stack, league.id)).toBe(0);
  });

  it('scores with the league’s own rules', async () => {
    const { league } = await seasonLeague({ scoringRules: { win: 2, draw: 0, goal: 2 } });
    await upload(league, 'fixtures', FIXTURES);
    await upload(league, 'results', RESULTS);
    const points = Object.fromEntries(
      (await leaderboard(league)).entries.map((e: { displayName: string; points: number }) => [e.displayName, e.points]),
    );
    // gus 2 + 8, hal 2 + 8, dan 2 + 2 + 2 + 2, cat 2 + 2 + 2, fay 2 + 4, eve 2 + 4, ann 6, bob 2 + 2.
    expect(points).toEqual({ gus: 10, hal: 10, dan: 8, cat: 6, fay: 6, eve: 6, ann: 6, bob: 4, ivy: 0 });
  });

  it('serialises concurrent imports of one league', async () => {
    const { league } = await seasonLeague();
    await upload(league, 'fixtures', FIXTURES);
    await upload(league, 'results', RESULTS);
    const expected = await leaderboard(league);
    const other = ['externalMatchId,homeGoals,awayGoals', 'M1,0,3', 'M11,0,0'];
    const answers = await Promise.all([
      ...Array.from({ length: 4 }, () => upload(league, 'results', other)),
      ...Array.from({ length: 4 }, () => upload(league, 'fixtures', FIXTURES)),
    ]);
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    await upload(league, 'results', RESULTS);
    expect(await leaderboard(league)).toEqual(expected);
    expect(await totalsDrift(stack, league.id)).toBe(0);
  });

  it('scores every match again when the league’s rules change', async () => {
    const { league } = await seasonLeague();
    await upload(league, 'fixtures', FIXTURES);
    await upload(league, 'results', RESULTS);
    const changed = { ...league.context, scoringRules: { win: 2, draw: 0, goal: 2 } };
    await stack.app.get(RecomputeStandingsUseCase).execute({ context: changed });
    const { rows } = await stack.runtime.database.pool.query<{ display_name: string; points: number }>(
      'select display_name, points from scoring.standings where league_id = $1 order by rank',
      [league.id],
    );
    expect(Object.fromEntries(rows.map((row) => [row.display_name, row.points]))).toEqual({
      gus: 10,
      hal: 10,
      dan: 8,
      cat: 6,
      fay: 6,
      eve: 6,
      ann: 6,
      bob: 4,
      ivy: 0,
    });
    expect(await totalsDrift(stack, league.id)).toBe(0);
  });

  it('lists fixtures by start time, paginated, with status and result', async () => {
    const { league, m } = await seasonLeague();
    await upload(league, 'fixtures', FIXTURES);
    await upload(league, 'results', RESULTS);
    const first = await stack.api.get(`/api/scoring/leagues/${league.id}/fixtures?limit=5`, { token: m.ivy!.token });
    expect(first.status).toBe(200);
    // M2 starts 16:30Z (17:30+01:00), after M1 at 15:00Z.
    expect(first.body.items.map((f: { externalMatchId: string }) => f.externalMatchId)).toEqual(['M1', 'M2', 'M3', 'M4', 'M5']);
    expect(first.body.items[1]).toEqual({
      id: expect.any(String),
      externalMatchId: 'M2',
      startsAt: '2025-08-16T16:30:00.000Z',
      homeTeam: 'Chelsea',
      awayTeam: 'Fulham',
      competition: 'EPL',
      status: 'completed',
      result: { homeGoals: 1, awayGoals: 0 },
    });
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ externalMatchId: string }>; nextCursor: string | null } } = await stack.api.get(
        `/api/scoring/leagues/${league.id}/fixtures?limit=4${cursor ? `&cursor=${cursor}` : ''}`,
        { token: m.ivy!.token },
      );
      ids.push(...page.body.items.map((f) => f.externalMatchId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(ids).toEqual(FIXTURES.slice(1).map((line) => line.split(',')[0]));
    const last = await stack.api.get(`/api/scoring/leagues/${league.id}/fixtures?limit=200`, { token: m.ivy!.token });
    expect(last.body.nextCursor).toBeNull();
    expect(last.body.items.at(-1)).toMatchObject({
      externalMatchId: 'M14',
      status: 'scheduled',
      result: null,
      homeTeam: 'Liverpool',
      awayTeam: 'Manchester City',
    });
    const bad = await stack.api.get(`/api/scoring/leagues/${league.id}/fixtures?cursor=nonsense`, { token: m.ivy!.token });
    expect(bad.status).toBe(422);
    const unknownField = await stack.api.get(`/api/scoring/leagues/${league.id}/fixtures?sort=desc`, { token: m.ivy!.token });
    expect(unknownField.body.code).toBe('VALIDATION_FAILED');
  });

  it('accepts a UTF-8 BOM and CRLF line ends', async () => {
    const { league } = await seasonLeague();
    const body = `\uFEFF${FIXTURES.join('\r\n')}\r\n`;
    const answer = await stack.api.post(`/api/scoring/leagues/${league.id}/fixtures`, undefined, {
      token: league.commissioner.token,
      raw: { contentType: 'text/csv; charset=utf-8', body },
    });
    expect(answer.body).toEqual({ format: 'fixtures-csv', dryRun: false, inserted: 14, updated: 0, errors: [] });
    const results = await stack.api.post(`/api/scoring/leagues/${league.id}/results`, undefined, {
      token: league.commissioner.token,
      raw: { contentType: 'text/csv', body: `\uFEFF${RESULTS.join('\r\n')}\r\n` },
    });
    expect(results.body).toEqual({ format: 'football-results-csv', dryRun: false, inserted: 12, updated: 0, errors: [] });
  });

  it('refuses a fixtures file with any bad line, lists every one and stores nothing', async () => {
    const { league } = await seasonLeague();
    await upload(league, 'fixtures', FIXTURES.slice(0, 3));
    const before = await leagueRows(stack, league.id);
    const answer = await upload(league, 'fixtures', [
      'externalMatchId,startsAt,homeTeam,awayTeam,competition',
      'N1,2025-10-01T15:00:00Z,Arsenal,Chelsea,EPL', // good, yet not stored
      'N2,2025-10-01 15:00,Arsenal,Chelsea,EPL', // not ISO 8601
      'N3,2025-10-01T15:00:00,Arsenal,Chelsea,EPL', // no zone
      'N4,2025-02-30T15:00:00Z,Arsenal,Chelsea,EPL', // impossible date
      'N5,2025-10-01T15:00:00Z,Real Madrid,Chelsea,EPL', // unknown team
      'N6,2025-10-01T15:00:00Z,Arsenal,ars,EPL', // same team
      'N1,2025-10-02T15:00:00Z,Liverpool,Chelsea,EPL', // repeated match id
      ',2025-10-01T15:00:00Z,Arsenal,Chelsea,EPL', // blank id
      'N9,2025-10-01T15:00:00Z,Arsenal,Chelsea', // missing a column
      'N10,"2025-10-01T15:00:00Z,Arsenal,Chelsea,EPL', // broken quoting
      'M1,2025-10-01T15:00:00Z,Arsenal,Chelsea,EPL,extra', // extra column
    ]);
    expect(answer.status).toBe(422);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body.code).toBe('CSV_INVALID');
    expect(answer.body.errors.map((e: { line: number }) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(answer.body.errors.find((e: { line: number }) => e.line === 6).message).toContain('"Real Madrid" is not a known team');
    expect(answer.body.errors.find((e: { line: number }) => e.line === 8).message).toContain('already on line 2');
    expect(await leagueRows(stack, league.id)).toEqual(before);

    const header = await upload(league, 'fixtures', [
      'matchId,startsAt,home,away,competition',
      'N1,2025-10-01T15:00:00Z,Arsenal,Chelsea,EPL',
    ]);
    expect(header.body.errors).toEqual([{ line: 1, message: expect.stringContaining('the header must be exactly') }]);
    expect(await leagueRows(stack, league.id)).toEqual(before);
  });

  it('refuses a results file with any bad line, lists every one and changes nothing', async () => {
    const { league } = await seasonLeague();
    await upload(league, 'fixtures', FIXTURES);
    await upload(league, 'results', RESULTS.slice(0, 4));
    const before = await leagueRows(stack, league.id);
    const boardBefore = await leaderboard(league);
    const answer = await upload(league, 'results', [
      'externalMatchId,homeGoals,awayGoals',
      'M5,2,0', // good, yet not stored
      'X99,1,0', // not a fixture of this league
      'M6,-1,0', // negative
      'M7,two,1', // not a number
      'M8,31,0', // above the limit
      'M5,1,1', // repeated match
      'M9,1', // missing a value
      'M10,,1', // blank
    ]);
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('CSV_INVALID');
    expect(answer.body.errors.map((e: { line: number }) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(answer.body.errors[0].message).toContain('"X99" is not a fixture of this league');
    expect(await leagueRows(stack, league.id)).toEqual(before);
    expect(await leaderboard(league)).toEqual(boardBefore);
  });

  it('refuses other content types with 415 and an empty file with 422', async () => {
    const { league } = await seasonLeague();
    const json = await stack.api.post(`/api/scoring/leagues/${league.id}/fixtures`, { rows: [] }, { token: league.commissioner.token });
    expect(json.status).toBe(415);
    expect(json.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const empty = await upload(league, 'results', ['']);
    expect(empty.status).toBe(422);
  });

  it('scores a fixture’s result again when a re-import changes its teams', async () => {
    const { league } = await seasonLeague();
    await upload(league, 'fixtures', FIXTURES);
    await upload(league, 'results', RESULTS);
    // M1 was Arsenal 3-3 Brentford; it is now Chelsea's match: bob 4 + 4, ann 0.
    await upload(league, 'fixtures', ['externalMatchId,startsAt,homeTeam,awayTeam,competition', 'M1,2025-08-16T15:00:00Z,Chelsea,BRE,EPL']);
    const points = Object.fromEntries(
      (await leaderboard(league)).entries.map((e: { displayName: string; points: number }) => [e.displayName, e.points]),
    );
    expect(points).toMatchObject({ bob: 8, ann: 0 });
    expect(await totalsDrift(stack, league.id)).toBe(0);
  });
});
