import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '@auction/testing';
import { scoringService } from '@auction/scoring';
import {
  auctionOf,
  club,
  completeAuction,
  createLeague,
  csv,
  fakeServices,
  leagueRows,
  player,
  totalsDrift,
  type TestLeague,
} from './scoring-fakes.js';
import { ODI_AS_STATS_CSV, odiFile, SEASON_HEADER } from './match-files.js';

const CLUBS = [
  club('eng-manchester-united', 'Manchester United', 'MUN', ['Man United']),
  club('eng-wolverhampton-wanderers', 'Wolverhampton Wanderers', 'WOL', ['Wolves']),
  club('eng-tottenham-hotspur', 'Tottenham Hotspur', 'TOT', ['Tottenham', 'Spurs']),
  club('eng-nottingham-forest', 'Nottingham Forest', 'NFO', ["Nott'm Forest"]),
];

const PLAYERS = [
  player('nz-kane-williamson', 'Kane Williamson', { team: 'New Zealand' }),
  player('nz-tom-latham', 'Tom Latham', { team: 'New Zealand', registryId: 'a2' }),
  player('eng-joe-root', 'Joe Root', { team: 'England' }),
  player('eng-adil-rashid', 'Adil Rashid', { team: 'England' }),
  player('eng-jos-buttler', 'Jos Buttler', { team: 'England' }),
  player('eng-jamie-smith', 'Jamie Smith', { team: 'England' }),
  player('nz-jamie-smith', 'Jamie Smith', { team: 'New Zealand' }),
];
const POOL = ['nz-kane-williamson', 'nz-tom-latham', 'eng-joe-root', 'eng-adil-rashid'];

/** August, then a later copy of the same season: one more result, one postponed match still unplayed. */
const EARLY_SEASON = [
  SEASON_HEADER,
  'E0,16/08/2025,15:00,Man United,Wolves,2,1,H,1,0,H,A Ref,1.5,4.2,6',
  "E0,23/08/25,17:30,Spurs,Nott'm Forest,0,0,D,0,0,D,B Ref,2.1,3.3,3.4",
  'E0,26/10/2025,14:00,Wolves,Tottenham,,,,,,,,2.5,3.2,2.9',
];
const LATER_SEASON = [
  SEASON_HEADER,
  'E0,16/08/2025,15:00,Man United,Wolves,2,1,H,1,0,H,A Ref,1.5,4.2,6',
  "E0,23/08/25,17:30,Spurs,Nott'm Forest,0,0,D,0,0,D,B Ref,2.1,3.3,3.4",
  'E0,26/10/2025,14:00,Wolves,Tottenham,1,3,A,0,1,A,C Ref,2.5,3.2,2.9',
  "E0,01/11/2025,12:30,Nott'm Forest,Man United,,,,,,,,3,3.4,2.3",
];

describe('real match data: football-data.co.uk season files and Cricsheet match files', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ services: [scoringService, fakeServices] });
  });
  afterAll(() => stack.close());

  const post = (league: TestLeague, route: 'fixtures' | 'results', body: { contentType: string; body: string }, query = '') =>
    stack.api.post(`/api/scoring/leagues/${league.id}/${route}${query}`, undefined, { token: league.commissioner.token, raw: body });
  const board = async (league: TestLeague) =>
    (await stack.api.get(`/api/scoring/leagues/${league.id}/leaderboard`, { token: league.commissioner.token })).body.entries.map(
      (e: { displayName: string; points: number; tiebreaks: unknown; rank: number }) => ({
        name: e.displayName,
        rank: e.rank,
        points: e.points,
        tiebreaks: e.tiebreaks,
      }),
    );
  const fixtures = async (league: TestLeague) =>
    (await stack.api.get(`/api/scoring/leagues/${league.id}/fixtures?limit=100`, { token: league.commissioner.token })).body.items;

  async function footballLeague() {
    const league = createLeague('football', CLUBS, ['ann', 'bob']);
    const [ann, bob] = league.members as [(typeof league.members)[0], (typeof league.members)[0]];
    await completeAuction(
      stack,
      auctionOf(league, [
        { member: ann, spent: 20, assets: ['eng-manchester-united', 'eng-tottenham-hotspur'] },
        { member: bob, spent: 30, assets: ['eng-wolverhampton-wanderers', 'eng-nottingham-forest'] },
      ]),
    );
    return league;
  }

  async function cricketLeague() {
    const league = createLeague('cricket', PLAYERS, ['ann', 'bob'], { pool: POOL });
    const [ann, bob] = league.members as [(typeof league.members)[0], (typeof league.members)[0]];
    await completeAuction(
      stack,
      auctionOf(league, [
        { member: ann, spent: 20, assets: ['nz-kane-williamson', 'eng-joe-root'] },
        { member: bob, spent: 30, assets: ['nz-tom-latham', 'eng-adil-rashid'] },
      ]),
    );
    return league;
  }

  describe('a football-data.co.uk season file', () => {
    it('creates fixtures and results on either import; a later copy updates the same fixtures with more results', async () => {
      const league = await footballLeague();
      const first = await post(league, 'fixtures', csv(EARLY_SEASON));
      expect(first.body).toEqual({ format: 'football-data-csv', dryRun: false, inserted: 3, updated: 0, results: 2, errors: [] });
      const later = await post(league, 'results', csv(LATER_SEASON));
      expect(later.body).toEqual({ format: 'football-data-csv', dryRun: false, inserted: 1, updated: 3, results: 3, errors: [] });
      const stored = await fixtures(league);
      expect(
        stored.map((f: { externalMatchId: string; startsAt: string; status: string; result: unknown }) => [
          f.externalMatchId,
          f.startsAt,
          f.status,
          f.result,
        ]),
      ).toEqual([
        [
          'fd-2025-08-16-eng-manchester-united-eng-wolverhampton-wanderers',
          '2025-08-16T14:00:00.000Z',
          'completed',
          { homeGoals: 2, awayGoals: 1 },
        ],
        [
          'fd-2025-08-23-eng-tottenham-hotspur-eng-nottingham-forest',
          '2025-08-23T16:30:00.000Z',
          'completed',
          { homeGoals: 0, awayGoals: 0 },
        ],
        // 14:00 on the day the clocks went back is 14:00 GMT.
        [
          'fd-2025-10-26-eng-wolverhampton-wanderers-eng-tottenham-hotspur',
          '2025-10-26T14:00:00.000Z',
          'completed',
          { homeGoals: 1, awayGoals: 3 },
        ],
        ['fd-2025-11-01-eng-nottingham-forest-eng-manchester-united', '2025-11-01T12:30:00.000Z', 'scheduled', null],
      ]);
      expect(stored[0]).toMatchObject({ homeTeam: 'Manchester United', awayTeam: 'Wolverhampton Wanderers', competition: 'EPL' });
      // ann: United win 3 + 2 goals, Spurs draw 1 + 0, Spurs away win 3 + 3 = 12; bob: Wolves 1 + 1, Forest draw 1 = 3.
      expect(await board(league)).toEqual([
        { name: 'ann', rank: 1, points: 12, tiebreaks: { goals: 5, wins: 2 } },
        { name: 'bob', rank: 2, points: 3, tiebreaks: { goals: 2, wins: 0 } },
      ]);
      expect(await totalsDrift(stack, league.id)).toBe(0);
    });

    it('gives the same leaderboard as the same matches typed into the SPEC §4 CSVs', async () => {
      const fromFile = await footballLeague();
      await post(fromFile, 'results', csv(LATER_SEASON));
      const typed = await footballLeague();
      await post(
        typed,
        'fixtures',
        csv([
          'externalMatchId,startsAt,homeTeam,awayTeam,competition',
          'A,2025-08-16T14:00:00Z,MUN,WOL,EPL',
          'B,2025-08-23T16:30:00Z,TOT,NFO,EPL',
          'C,2025-10-26T14:00:00Z,WOL,TOT,EPL',
        ]),
      );
      await post(typed, 'results', csv(['externalMatchId,homeGoals,awayGoals', 'A,2,1', 'B,0,0', 'C,1,3']));
      expect(await board(fromFile)).toEqual(await board(typed));
    });

    it('previews with ?dryRun=true: matches, results and points, and stores nothing', async () => {
      const league = await footballLeague();
      await post(league, 'fixtures', csv(EARLY_SEASON));
      const before = await leagueRows(stack, league.id);
      const preview = await post(league, 'results', csv(LATER_SEASON), '?dryRun=true');
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ format: 'football-data-csv', dryRun: true, inserted: 1, updated: 3, results: 3 });
      expect(preview.body.preview.matches).toHaveLength(4);
      expect(preview.body.preview.matches[2]).toEqual({
        externalMatchId: 'fd-2025-10-26-eng-wolverhampton-wanderers-eng-tottenham-hotspur',
        startsAt: '2025-10-26T14:00:00.000Z',
        homeTeam: 'Wolverhampton Wanderers',
        awayTeam: 'Tottenham Hotspur',
        change: 'updated',
        result: { homeGoals: 1, awayGoals: 3 },
      });
      expect(preview.body.preview.matches[3].change).toBe('new');
      expect(preview.body.preview.points).toContainEqual({
        externalMatchId: 'fd-2025-10-26-eng-wolverhampton-wanderers-eng-tottenham-hotspur',
        assetExternalId: 'eng-tottenham-hotspur',
        name: 'Tottenham Hotspur',
        points: 6,
      });
      expect(await leagueRows(stack, league.id)).toEqual(before);
    });

    it('refuses a file naming an unknown team, naming the team and line, and changes nothing', async () => {
      const league = await footballLeague();
      await post(league, 'fixtures', csv(EARLY_SEASON));
      const before = await leagueRows(stack, league.id);
      const answer = await post(
        league,
        'results',
        csv([...LATER_SEASON, 'E0,08/11/2025,15:00,Sheffield Weds,Wolves,1,0,H,0,0,D,D Ref,2,3,4']),
      );
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({
        code: 'CSV_INVALID',
        errors: [{ line: 6, message: 'HomeTeam "Sheffield Weds" is not a known team' }],
        errorCount: 1,
      });
      expect(await leagueRows(stack, league.id)).toEqual(before);
    });

    it('is a football file: a cricket league refuses it on line 1', async () => {
      const league = await cricketLeague();
      const answer = await post(league, 'results', csv(EARLY_SEASON));
      expect(answer.status).toBe(422);
      expect(answer.body.errors[0]).toMatchObject({
        line: 1,
        message: expect.stringContaining('this is a football-data.co.uk season CSV, which this import of a cricket league does not take'),
      });
    });
  });

  describe('a Cricsheet match file', () => {
    const json = (text: string) => ({ contentType: 'application/json', body: text });

    it('scores exactly the hand-calculated points, lists the skipped players and creates the fixture', async () => {
      const league = await cricketLeague();
      const answer = await post(league, 'results', json(odiFile()));
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body).toMatchObject({ format: 'cricsheet-json', dryRun: false, inserted: 4, updated: 0, removed: 0, errors: [] });
      expect(answer.body.skipped.map((s: { name: string; reason: string }) => [s.name, s.reason]).sort()).toEqual([
        ['JC Buttler', 'not-in-pool'],
        ['MJ Henry', 'unknown'],
        ['Sub Fielder', 'unknown'],
      ]);
      expect(await fixtures(league)).toEqual([
        expect.objectContaining({
          externalMatchId: 'cs-2025-10-26-new-zealand-england',
          homeTeam: 'New Zealand',
          awayTeam: 'England',
          startsAt: '2025-10-26T00:00:00.000Z',
          status: 'completed',
          competition: 'England tour of New Zealand',
        }),
      ]);
      expect(await board(league)).toEqual([
        { name: 'bob', rank: 1, points: 22 + 40, tiebreaks: { catches: 0, stumpings: 0, runOuts: 1 } },
        { name: 'ann', rank: 2, points: 25 + 20, tiebreaks: { catches: 1, stumpings: 0, runOuts: 1 } },
      ]);
      const again = await post(league, 'results', json(odiFile()));
      expect(again.body).toMatchObject({ inserted: 0, updated: 4, removed: 0 });
      expect(await fixtures(league)).toHaveLength(1);
    });

    it('scores the fixture already imported for that match, and equals the SPEC §4 stats CSV', async () => {
      const fromFile = await cricketLeague();
      const fixturesCsv = csv([
        'externalMatchId,startsAt,homeTeam,awayTeam,competition',
        'T1,2025-10-26T01:00:00Z,New Zealand,England,ODI-NZ-ENG',
      ]);
      await post(fromFile, 'fixtures', fixturesCsv);
      await post(fromFile, 'results', json(odiFile()));
      expect((await fixtures(fromFile)).map((f: { externalMatchId: string; status: string }) => [f.externalMatchId, f.status])).toEqual([
        ['T1', 'completed'],
      ]);
      const typed = await cricketLeague();
      await post(typed, 'fixtures', fixturesCsv);
      await post(typed, 'results', csv(ODI_AS_STATS_CSV));
      expect(await board(fromFile)).toEqual(await board(typed));
    });

    it('previews the per-player points and skipped players without storing anything', async () => {
      const league = await cricketLeague();
      const before = await leagueRows(stack, league.id);
      const preview = await post(league, 'results', json(odiFile()), '?dryRun=true');
      expect(preview.body).toMatchObject({
        dryRun: true,
        preview: { matches: [{ externalMatchId: 'cs-2025-10-26-new-zealand-england', change: 'new' }] },
      });
      expect(preview.body.preview.points.map((p: { name: string; points: number }) => [p.name, p.points]).sort()).toEqual([
        ['Adil Rashid', 40],
        ['Joe Root', 20],
        ['Kane Williamson', 25],
        ['Tom Latham', 22],
      ]);
      expect(preview.body.skipped).toHaveLength(3);
      expect(await leagueRows(stack, league.id)).toEqual(before);
    });

    it('refuses a bad file, naming each path, and changes nothing', async () => {
      const league = await cricketLeague();
      const before = await leagueRows(stack, league.id);
      const file = JSON.parse(odiFile());
      file.innings[1].overs[0].deliveries[0].wickets[0].kind = 'run away';
      file.info.dates = ['26 Oct 2025'];
      const answer = await post(league, 'results', json(JSON.stringify(file)));
      expect(answer.status).toBe(422);
      expect(answer.body.code).toBe('CSV_INVALID');
      expect(answer.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
        'info.dates[0]',
        'innings[1].overs[0].deliveries[0].wickets[0].kind',
      ]);
      const broken = await post(league, 'results', json('{"info": {'));
      expect(broken.body.errors).toEqual([{ path: '$', message: expect.stringContaining('is not valid JSON') }]);
      expect(await leagueRows(stack, league.id)).toEqual(before);
    });

    it('goes to the results import of a cricket league only', async () => {
      const cricket = await cricketLeague();
      expect((await post(cricket, 'fixtures', json(odiFile()))).status).toBe(415);
      const football = await footballLeague();
      expect((await post(football, 'results', json(odiFile()))).body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });
  });

  describe('the SPEC §4 cricket stats CSV', () => {
    it('takes an unambiguous player name as well as the external id, and lists the candidates of a shared one', async () => {
      const league = createLeague('cricket', PLAYERS, ['ann']);
      await post(
        league,
        'fixtures',
        csv(['externalMatchId,startsAt,homeTeam,awayTeam,competition', 'T1,2025-10-26T01:00:00Z,New Zealand,England,ODI']),
      );
      const good = await post(league, 'results', csv([ODI_AS_STATS_CSV[0]!, 'T1,Kane Williamson,5,0,0,0,1', 'T1,eng-joe-root,10,0,1,0,0']));
      expect(good.body).toMatchObject({ format: 'cricket-stats-csv', inserted: 2 });
      const shared = await post(
        league,
        'results',
        csv([ODI_AS_STATS_CSV[0]!, 'T1,jamie smith,5,0,0,0,1', 'T1,Kane Williamson,1,0,0,0,0', 'T1,nz-kane-williamson,1,0,0,0,0']),
      );
      expect(shared.status).toBe(422);
      expect(shared.body.errors).toEqual([
        {
          line: 2,
          message:
            'playerExternalId "jamie smith" fits more than one player: Jamie Smith (eng-jamie-smith), Jamie Smith (nz-jamie-smith); use the external id',
        },
        { line: 4, message: 'player "nz-kane-williamson" already has a row for match "T1" on line 3' },
      ]);
    });
  });

  describe('limits', () => {
    it('refuses a file over its format’s size with 413 PAYLOAD_TOO_LARGE, and one over its rows', async () => {
      const league = await footballLeague();
      const big = await post(
        league,
        'results',
        csv(['externalMatchId,homeGoals,awayGoals', ...Array.from({ length: 1_900 }, (_, i) => `${'MATCH-'.padEnd(140, 'X')}${i},1,1`)]),
      );
      expect(big.status).toBe(413);
      expect(big.body).toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
        detail: expect.stringContaining('0.25 MB, the most a football results CSV may be'),
      });
      const rows = Array.from(
        { length: 2_001 },
        (_, i) => `E0,${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/2025,15:00,Man United,Wolves,1,0`,
      );
      const long = await post(league, 'fixtures', csv([SEASON_HEADER, ...rows]));
      expect(long.status).toBe(413);
      expect(long.body.detail).toContain('more than 2,000 rows');
    });

    it('lists the first 100 errors with the total count, and reads a NUL byte as a line error', async () => {
      const league = await footballLeague();
      const answer = await post(
        league,
        'results',
        csv(['externalMatchId,homeGoals,awayGoals', ...Array.from({ length: 250 }, (_, i) => `NOPE-${i},1,1`)]),
      );
      expect(answer.status).toBe(422);
      expect(answer.body.errors).toHaveLength(100);
      expect(answer.body.errorCount).toBe(250);
      const nul = await post(
        league,
        'fixtures',
        csv(['externalMatchId,startsAt,homeTeam,awayTeam,competition', 'M1,2025-08-16T14:00:00Z,MUN\u0000,WOL,EPL']),
      );
      expect(nul.status).toBe(422);
      expect(nul.body).toMatchObject({
        code: 'CSV_INVALID',
        errors: [{ line: 2, message: 'contains a NUL character, which no value may hold' }],
      });
    });
  });
});
