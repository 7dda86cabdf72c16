import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '@auction/testing';
import { scoringService } from '@auction/scoring';
import {
  auctionOf,
  completeAuction,
  count,
  createLeague,
  csv,
  fakeServices,
  leagueRows,
  player,
  totalsDrift,
  type TestLeague,
  type TestMember,
} from './scoring-fakes.js';

const CATALOGUE = [
  player('nz-tom-latham', 'Tom Latham'),
  player('eng-jos-buttler', 'Jos Buttler'),
  player('nz-devon-conway', 'Devon Conway'),
  player('eng-joe-root', 'Joe Root'),
  player('nz-daryl-mitchell', 'Daryl Mitchell'),
  player('eng-adil-rashid', 'Adil Rashid'),
  player('nz-kane-williamson', 'Kane Williamson'),
  player('eng-harry-brook', 'Harry Brook'),
  player('nz-matt-henry', 'Matt Henry'),
  player('eng-jofra-archer', 'Jofra Archer'),
  player('nz-will-young', 'Will Young'),
];

/** Cricket fixtures name teams, which are not catalogue assets. */
const FIXTURES = [
  'externalMatchId,startsAt,homeTeam,awayTeam,competition',
  'T1,2025-10-26T01:00:00Z,New Zealand,England,ODI-NZ-ENG',
  'T2,2025-10-29T01:00:00+13:00,england,new zealand,ODI-NZ-ENG',
  'T10,2025-11-01T01:00:00Z,New Zealand,Australia,ODI',
];

const STATS_HEADER = 'externalMatchId,playerExternalId,runs,wickets,catches,stumpings,runOuts';
const STATS = [
  STATS_HEADER,
  'T2,nz-tom-latham,0,0,1,0,0', // ann 10 + 20 = 30: catches 3
  'T10,nz-tom-latham,0,0,2,0,0',
  'T2,eng-jos-buttler,0,0,0,1,0', // bob 25 + 5 = 30: stumpings 1
  'T10,eng-jos-buttler,5,0,0,0,0',
  'T2,nz-devon-conway,15,0,0,1,0', // cat 15 + 25 = 40: stumpings 1
  'T10,eng-joe-root,20,0,0,0,1', // dan 20 + 20 = 40: run-outs 1
  'T2,nz-daryl-mitchell,30,0,0,0,1', // eve 30 + 20 = 50: run-outs 1
  'T10,eng-adil-rashid,10,2,0,0,0', // fay 10 + 40 = 50
  'T2,NZ-Kane-Williamson,60,0,0,0,0', // gus 60 (the id in another case)
  'T10,eng-harry-brook,0,3,0,0,0', // hal 60
  'T2,nz-matt-henry,70,0,0,0,0', // ida 70
  'T10,eng-jofra-archer,50,1,0,0,0', // jon 50 + 20 = 70
  'T2,nz-will-young,100,0,0,0,0', // nobody's
];

describe('cricket scoring', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ services: [scoringService, fakeServices] });
  });
  afterAll(async () => {
    await stack.close();
  });

  /**
   * Pairs tie on points and are split by one step each: ann/bob by catches (bob has more
   * stumpings, spent less, joined first), cat/dan by stumpings (dan has more run-outs, spent
   * less, joined first), eve/fay by run-outs (fay spent less, joined first), gus/hal by spend
   * (hal joined first), ida/jon by join time (jon's user id sorts first). kim bought nothing.
   */
  async function seasonLeague() {
    let league: TestLeague;
    let m: Record<string, TestMember>;
    do {
      league = createLeague('cricket', CATALOGUE, ['bob', 'ann', 'dan', 'cat', 'fay', 'eve', 'hal', 'gus', 'ida', 'jon', 'kim']);
      m = Object.fromEntries(league.members.map((member) => [member.displayName, member]));
    } while (!(m.jon!.id < m.ida!.id));
    await completeAuction(
      stack,
      auctionOf(league, [
        { member: m.ann!, spent: 40, assets: ['nz-tom-latham'] },
        { member: m.bob!, spent: 10, assets: ['eng-jos-buttler'] },
        { member: m.cat!, spent: 35, assets: ['nz-devon-conway'] },
        { member: m.dan!, spent: 25, assets: ['eng-joe-root'] },
        { member: m.eve!, spent: 30, assets: ['nz-daryl-mitchell'] },
        { member: m.fay!, spent: 20, assets: ['eng-adil-rashid'] },
        { member: m.gus!, spent: 10, assets: ['nz-kane-williamson'] },
        { member: m.hal!, spent: 20, assets: ['eng-harry-brook'] },
        { member: m.ida!, spent: 15, assets: ['nz-matt-henry'] },
        { member: m.jon!, spent: 15, assets: ['eng-jofra-archer'] },
      ]),
    );
    return { league, m };
  }

  const upload = (league: TestLeague, kind: 'fixtures' | 'results', lines: string[]) =>
    stack.api.post(`/api/scoring/leagues/${league.id}/${kind}`, undefined, { token: league.commissioner.token, raw: csv(lines) });

  async function leaderboard(league: TestLeague) {
    const answer = await stack.api.get(`/api/scoring/leagues/${league.id}/leaderboard`, { token: league.commissioner.token });
    expect(answer.status).toBe(200);
    return answer.body;
  }

  it('ranks by points, then catches, stumpings, run-outs, lower spend and earlier join', async () => {
    const { league, m } = await seasonLeague();
    expect((await upload(league, 'fixtures', FIXTURES)).body).toEqual({
      format: 'fixtures-csv',
      dryRun: false,
      inserted: 3,
      updated: 0,
      errors: [],
    });
    expect((await upload(league, 'results', STATS)).body).toEqual({
      format: 'cricket-stats-csv',
      dryRun: false,
      inserted: 13,
      updated: 0,
      removed: 0,
      errors: [],
    });
    const entry = (rank: number, name: string, points: number, spent: number, catches: number, stumpings: number, runOuts: number) => ({
      rank,
      userId: m[name]!.id,
      displayName: name,
      points,
      spent,
      tiebreaks: { catches, stumpings, runOuts },
    });
    expect(await leaderboard(league)).toEqual({
      leagueId: league.id,
      entries: [
        entry(1, 'ida', 70, 15, 0, 0, 0), // join time
        entry(2, 'jon', 70, 15, 0, 0, 0),
        entry(3, 'gus', 60, 10, 0, 0, 0), // lower spend
        entry(4, 'hal', 60, 20, 0, 0, 0),
        entry(5, 'eve', 50, 30, 0, 0, 1), // run-outs
        entry(6, 'fay', 50, 20, 0, 0, 0),
        entry(7, 'cat', 40, 35, 0, 1, 0), // stumpings
        entry(8, 'dan', 40, 25, 0, 0, 1),
        entry(9, 'ann', 30, 40, 3, 0, 0), // catches
        entry(10, 'bob', 30, 10, 0, 1, 0),
        entry(11, 'kim', 0, 0, 0, 0, 0), // no roster
      ],
    });
    const fixtures = await stack.api.get(`/api/scoring/leagues/${league.id}/fixtures`, { token: m.kim!.token });
    expect(
      fixtures.body.items.map((f: { externalMatchId: string; status: string; homeTeam: string }) => [
        f.externalMatchId,
        f.status,
        f.homeTeam,
      ]),
    ).toEqual([
      ['T1', 'scheduled', 'New Zealand'],
      ['T2', 'completed', 'england'],
      ['T10', 'completed', 'New Zealand'],
    ]);
  });

  it('breaks points down per match in match order, adding up to the leaderboard', async () => {
    const { league, m } = await seasonLeague();
    await upload(league, 'fixtures', FIXTURES);
    await upload(league, 'results', STATS);
    const latham = CATALOGUE[0]!;
    const ann = await stack.api.get(`/api/scoring/leagues/${league.id}/managers/${m.ann!.id}/breakdown`, { token: m.kim!.token });
    expect(ann.body).toEqual({
      userId: m.ann!.id,
      total: 30,
      matches: [
        { externalMatchId: 'T2', points: 10, assets: [{ assetId: latham.id, name: 'Tom Latham', points: 10 }] },
        { externalMatchId: 'T10', points: 20, assets: [{ assetId: latham.id, name: 'Tom Latham', points: 20 }] },
      ],
    });
    for (const entry of (await leaderboard(league)).entries) {
      const breakdown = await stack.api.get(`/api/scoring/leagues/${league.id}/managers/${entry.userId}/breakdown`, {
        token: m.kim!.token,
      });
      expect(breakdown.body.total).toBe(entry.points);
    }
  });

  it('replaces every stat of a match uploaded again; the same file twice changes nothing', async () => {
    const { league } = await seasonLeague();
    await upload(league, 'fixtures', FIXTURES);
    await upload(league, 'results', STATS);
    const before = await leaderboard(league);
    expect((await upload(league, 'results', STATS)).body).toEqual({
      format: 'cricket-stats-csv',
      dryRun: false,
      inserted: 0,
      updated: 13,
      removed: 0,
      errors: [],
    });
    expect(await leaderboard(league)).toEqual(before);

    // T10 again with one line: Buttler's 45 runs replace every T10 line uploaded before.
    expect((await upload(league, 'results', [STATS_HEADER, 'T10,eng-jos-buttler,45,0,0,0,0'])).body).toEqual({
      format: 'cricket-stats-csv',
      dryRun: false,
      inserted: 0,
      updated: 1,
      removed: 5,
      errors: [],
    });
    expect(
      await count(stack, `select count(*) from scoring.player_stats where league_id = $1 and external_match_id = 'T10'`, [league.id]),
    ).toBe(1);
    const points = Object.fromEntries(
      (await leaderboard(league)).entries.map((e: { displayName: string; points: number }) => [e.displayName, e.points]),
    );
    expect(points).toEqual({ bob: 70, ida: 70, gus: 60, eve: 50, cat: 40, ann: 10, dan: 0, fay: 0, hal: 0, jon: 0, kim: 0 });
    expect(await totalsDrift(stack, league.id)).toBe(0);
  });

  it('refuses a stats file with any bad line, lists every one and changes nothing', async () => {
    const { league } = await seasonLeague();
    await upload(league, 'fixtures', FIXTURES);
    await upload(league, 'results', STATS.slice(0, 5));
    const before = await leagueRows(stack, league.id);
    const answer = await upload(league, 'results', [
      STATS_HEADER,
      'T1,nz-tom-latham,10,0,0,0,0', // good, yet not stored
      'T1,nz-nobody,10,0,0,0,0', // unknown player
      'T99,nz-tom-latham,10,0,0,0,0', // unknown match
      'T1,eng-joe-root,-4,0,0,0,0', // negative
      'T1,eng-adil-rashid,0,11,0,0,0', // more than 10 wickets
      'T1,eng-harry-brook,0,0,x,0,0', // not a number
      'T1,nz-tom-latham,5,0,0,0,0', // Latham again in T1
      'T1,NZ-TOM-LATHAM,5,0,0,0,0', // and again, in capitals
      'T1,eng-jofra-archer,0,0,0,0', // a value missing
    ]);
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('CSV_INVALID');
    expect(answer.body.errors.map((e: { line: number }) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(answer.body.errors[0].message).toContain('"nz-nobody" is not a known player');
    expect(answer.body.errors.at(-2).message).toContain('already has a row for match "T1" on line 2');
    expect(await leagueRows(stack, league.id)).toEqual(before);
  });

  it('refuses a fixture between a team and itself, in any case', async () => {
    const { league } = await seasonLeague();
    const answer = await upload(league, 'fixtures', [FIXTURES[0]!, 'T5,2025-11-05T01:00:00Z,England,  england ,ODI']);
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([{ line: 2, message: 'homeTeam and awayTeam are the same team (England)' }]);
    expect(await count(stack, 'select count(*) from scoring.fixtures where league_id = $1', [league.id])).toBe(0);
  });
});
