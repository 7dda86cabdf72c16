import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signServiceToken } from '@auction/auth-guard';
import { EventBus } from '@auction/realtime';
import { ManualClock, startTestStack, testUser, TEST_JWT_SECRET, type TestStack } from '@auction/testing';
import { scoringService } from '@auction/scoring';
import {
  auctionOf,
  club,
  completeAuction,
  count,
  createLeague,
  csv,
  eventually,
  fakeServices,
  recordBroadcasts,
  rosterAssetCount,
  world,
} from './scoring-fakes.js';

const CATALOGUE = [club('eng-arsenal', 'Arsenal', 'ARS'), club('eng-chelsea', 'Chelsea', 'CHE'), club('eng-fulham', 'Fulham', 'FUL')];
const FIXTURES = [
  'externalMatchId,startsAt,homeTeam,awayTeam,competition',
  'M1,2025-08-16T15:00:00Z,ARS,FUL,EPL',
  'M2,2025-09-13T15:00:00Z,CHE,ARS,EPL',
  'M3,2025-09-20T15:00:00Z,FUL,CHE,EPL',
];

describe('scoring: permissions, rosters and the internal API', () => {
  const clock = new ManualClock(new Date('2025-09-01T00:00:00Z'));
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ services: [scoringService, fakeServices], clock });
  });
  afterAll(async () => {
    await stack.close();
  });

  function threeMemberLeague() {
    const league = createLeague('football', CATALOGUE, ['com', 'mem', 'new']);
    const [commissioner, member, newcomer] = league.members as [
      typeof league.commissioner,
      typeof league.commissioner,
      typeof league.commissioner,
    ];
    return { league, commissioner, member, newcomer };
  }

  it('lets members read, only the commissioner upload or rebuild, and nobody without a token', async () => {
    const { league, commissioner, member } = threeMemberLeague();
    const stranger = testUser('stranger');
    const base = `/api/scoring/leagues/${league.id}`;
    const reads = [`${base}/fixtures`, `${base}/leaderboard`, `${base}/managers/${member.id}/breakdown`];
    const writes = [`${base}/fixtures`, `${base}/results`, `${base}/rosters/rebuild`];
    const file = csv(FIXTURES);

    for (const path of reads) {
      const anonymous = await stack.api.get(path);
      expect([path, anonymous.status, anonymous.body.code]).toEqual([path, 401, 'UNAUTHORIZED']);
      const outsider = await stack.api.get(path, { token: stranger.token });
      expect([path, outsider.status, outsider.body.code]).toEqual([path, 403, 'NOT_A_MEMBER']);
      expect((await stack.api.get(path, { token: member.token })).status).toBe(200);
      expect((await stack.api.get(path, { token: commissioner.token })).status).toBe(200);
    }
    for (const path of writes) {
      const anonymous = await stack.api.post(path, undefined, { raw: file });
      expect([path, anonymous.status]).toEqual([path, 401]);
      for (const who of [stranger, member]) {
        const refused = await stack.api.post(path, undefined, { token: who.token, raw: file });
        expect([path, refused.status, refused.body.code]).toEqual([path, 403, 'NOT_COMMISSIONER']);
      }
    }
    expect(await count(stack, 'select count(*) from scoring.fixtures where league_id = $1', [league.id])).toBe(0);
    expect((await stack.api.post(`${base}/fixtures`, undefined, { token: commissioner.token, raw: file })).status).toBe(200);

    const unknown = await stack.api.get(`/api/scoring/leagues/${randomUUID()}/leaderboard`, { token: member.token });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);
    const malformed = await stack.api.get('/api/scoring/leagues/not-a-uuid/leaderboard', { token: member.token });
    expect([malformed.status, malformed.body.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('lets in a member who joined after the league was last looked up', async () => {
    const { league, member } = threeMemberLeague();
    expect((await stack.api.get(`/api/scoring/leagues/${league.id}/leaderboard`, { token: member.token })).body.entries).toHaveLength(3);
    const late = testUser('late');
    const context = world.contexts.get(league.id)!;
    world.contexts.set(league.id, {
      ...context,
      members: [...context.members, { userId: late.id, displayName: 'late', joinedAt: '2025-08-01T00:00:00.000Z' }],
    });
    const answer = await stack.api.get(`/api/scoring/leagues/${league.id}/leaderboard`, { token: late.token });
    expect(answer.status).toBe(200);
    expect(answer.body.entries.map((e: { displayName: string }) => e.displayName)).toEqual(['com', 'mem', 'new', 'late']);
  });

  it('lists every member with 0 points before any result, ranked by join time', async () => {
    const { league, commissioner, member, newcomer } = threeMemberLeague();
    const answer = await stack.api.get(`/api/scoring/leagues/${league.id}/leaderboard`, { token: newcomer.token });
    expect(answer.body).toEqual({
      leagueId: league.id,
      entries: [commissioner, member, newcomer].map((who, i) => ({
        rank: i + 1,
        userId: who.id,
        displayName: who.displayName,
        points: 0,
        spent: 0,
        tiebreaks: { goals: 0, wins: 0 },
      })),
    });
  });

  it('stores the rosters of auction.completed once, even when the event is delivered twice', async () => {
    const { league, commissioner, member } = threeMemberLeague();
    const broadcasts = recordBroadcasts(stack);
    const auction = auctionOf(league, [
      { member: commissioner, spent: 30, assets: ['eng-arsenal', 'eng-fulham'] },
      { member, spent: 12, assets: ['eng-chelsea'] },
    ]);
    await completeAuction(stack, auction);
    await stack.app.get(EventBus).publish('auction.completed', auction);
    await eventually(async () => broadcasts.filter((b) => b.event === 'leaderboard:updated').length === 2);
    expect(await rosterAssetCount(stack, league.id)).toBe(3);
    expect(await count(stack, 'select count(*) from scoring.league_managers where league_id = $1', [league.id])).toBe(2);
    const board = await stack.api.get(`/api/scoring/leagues/${league.id}/leaderboard`, { token: member.token });
    // Nobody has points yet: the lower spend ranks first.
    expect(board.body.entries.map((e: { displayName: string; spent: number }) => [e.displayName, e.spent])).toEqual([
      ['new', 0],
      ['mem', 12],
      ['com', 30],
    ]);
  });

  it('keeps a renamed manager’s new name through a late completion event, a stale league and an older rename', async () => {
    const { league, commissioner, member } = threeMemberLeague();
    const bus = stack.app.get(EventBus);
    const auction = auctionOf(league, [
      { member: commissioner, spent: 3, assets: ['eng-arsenal'] },
      { member, spent: 4, assets: ['eng-chelsea'] },
    ]);
    await completeAuction(stack, auction);
    const nameOnBoard = async () => {
      const board = await stack.api.get(`/api/scoring/leagues/${league.id}/leaderboard`, { token: member.token });
      return board.body.entries.find((e: { userId: string }) => e.userId === member.id)?.displayName;
    };
    const renamedAt = new Date();
    await bus.publish('user.renamed', { userId: member.id, displayName: 'Mem Rovers', renamedAt: renamedAt.toISOString() });
    await eventually(async () => (await nameOnBoard()) === 'Mem Rovers');

    // The league's copy of the name has not caught up, and the completion event comes again with the old one.
    const broadcasts = recordBroadcasts(stack);
    await bus.publish('auction.completed', auction);
    await eventually(async () => broadcasts.some((b) => b.event === 'leaderboard:updated'));
    expect(await nameOnBoard()).toBe('Mem Rovers');
    expect(
      await count(stack, "select count(*) from scoring.league_managers where user_id = $1 and display_name = 'Mem Rovers'", [member.id]),
    ).toBe(1);

    // A rename from before the one stored, delivered late, changes nothing.
    await bus.publish('user.renamed', {
      userId: member.id,
      displayName: 'Mem Old',
      renamedAt: new Date(renamedAt.getTime() - 60_000).toISOString(),
    });
    await bus.publish('user.renamed', { userId: commissioner.id, displayName: 'Com Rovers', renamedAt: new Date().toISOString() });
    await eventually(async () => {
      const board = await stack.api.get(`/api/scoring/leagues/${league.id}/leaderboard`, { token: member.token });
      return board.body.entries.some((e: { displayName: string }) => e.displayName === 'Com Rovers');
    });
    expect(await nameOnBoard()).toBe('Mem Rovers');
  });

  it('keeps the rosters when the leagues service is away, and recomputes on the next read', async () => {
    const { league, commissioner, member } = threeMemberLeague();
    const context = world.contexts.get(league.id)!;
    world.contexts.delete(league.id);
    await stack.app.get(EventBus).publish(
      'auction.completed',
      auctionOf(league, [
        { member: commissioner, spent: 5, assets: ['eng-arsenal'] },
        { member, spent: 6, assets: ['eng-chelsea'] },
      ]),
    );
    await eventually(async () => (await rosterAssetCount(stack, league.id)) === 2);
    expect(await count(stack, 'select count(*) from scoring.league_states where league_id = $1 and standings_stale', [league.id])).toBe(1);
    world.contexts.set(league.id, context);
    const board = await stack.api.get(`/api/scoring/leagues/${league.id}/leaderboard`, { token: member.token });
    expect(board.body.entries.map((e: { displayName: string; spent: number }) => [e.displayName, e.spent])).toEqual([
      ['new', 0],
      ['com', 5],
      ['mem', 6],
    ]);
    expect(await count(stack, 'select count(*) from scoring.league_states where league_id = $1 and standings_stale', [league.id])).toBe(0);
  });

  it('rebuilds the rosters from the auction engine when the event was missed', async () => {
    const { league, commissioner, member } = threeMemberLeague();
    const rebuild = () => stack.api.post(`/api/scoring/leagues/${league.id}/rosters/rebuild`, undefined, { token: commissioner.token });
    const none = await rebuild();
    expect([none.status, none.body.code]).toEqual([404, 'NOT_FOUND']);

    const auction = auctionOf(league, [
      { member: commissioner, spent: 8, assets: ['eng-chelsea'] },
      { member, spent: 9, assets: ['eng-arsenal', 'eng-fulham'] },
    ]);
    world.completedAuctions.set(league.id, auction);
    const broadcasts = recordBroadcasts(stack);
    const answer = await rebuild();
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ leagueId: league.id, auctionId: auction.auctionId, managers: 2, assets: 3 });
    expect(broadcasts.filter((b) => b.event === 'leaderboard:updated')).toHaveLength(1);
    expect((await rebuild()).body.assets).toBe(3);
    expect(await rosterAssetCount(stack, league.id)).toBe(3);

    await stack.api.post(`/api/scoring/leagues/${league.id}/fixtures`, undefined, { token: commissioner.token, raw: csv(FIXTURES) });
    await stack.api.post(`/api/scoring/leagues/${league.id}/results`, undefined, {
      token: commissioner.token,
      raw: csv(['externalMatchId,homeGoals,awayGoals', 'M1,2,2']),
    });
    const board = await stack.api.get(`/api/scoring/leagues/${league.id}/leaderboard`, { token: member.token });
    // M1 Arsenal 2-2 Fulham: mem owns both, 3 + 3.
    expect(board.body.entries[0]).toMatchObject({ displayName: 'mem', points: 6, tiebreaks: { goals: 4, wins: 0 } });
  });

  it('answers the leagues service with rank, points and next fixture per league', async () => {
    const played = threeMemberLeague();
    const open = threeMemberLeague();
    const { league, commissioner, member } = played;
    await completeAuction(
      stack,
      auctionOf(league, [
        { member: commissioner, spent: 1, assets: ['eng-fulham'] },
        { member, spent: 2, assets: ['eng-arsenal'] },
      ]),
    );
    await stack.api.post(`/api/scoring/leagues/${league.id}/fixtures`, undefined, { token: commissioner.token, raw: csv(FIXTURES) });
    await stack.api.post(`/api/scoring/leagues/${league.id}/results`, undefined, {
      token: commissioner.token,
      raw: csv(['externalMatchId,homeGoals,awayGoals', 'M1,1,0']),
    });
    await stack.api.post(`/api/scoring/leagues/${open.league.id}/fixtures`, undefined, {
      token: open.commissioner.token,
      raw: csv(FIXTURES),
    });

    const service = signServiceToken(TEST_JWT_SECRET, 'leagues');
    const unknown = randomUUID();
    const answer = await stack.api.post(
      '/internal/scoring/standings',
      { userId: member.id, leagueIds: [league.id, open.league.id, unknown] },
      { token: service },
    );
    expect(answer.status).toBe(200);
    const next = { externalMatchId: 'M2', startsAt: '2025-09-13T15:00:00.000Z', homeTeam: 'Chelsea', awayTeam: 'Arsenal' };
    expect(answer.body).toEqual([
      { leagueId: league.id, rank: 1, points: 4, nextFixture: next },
      { leagueId: open.league.id, rank: null, points: null, nextFixture: next },
      { leagueId: unknown, rank: null, points: null, nextFixture: null },
    ]);

    clock.advance(14 * 24 * 3600 * 1000); // 2025-09-15: M2 is in the past
    const later = await stack.api.post(
      '/internal/scoring/standings',
      { userId: commissioner.id, leagueIds: [league.id] },
      { token: service },
    );
    // com's Fulham lost M1: 0 points, below the newcomer, who spent nothing.
    expect(later.body).toEqual([
      {
        leagueId: league.id,
        rank: 3,
        points: 0,
        nextFixture: { ...next, externalMatchId: 'M3', startsAt: '2025-09-20T15:00:00.000Z', homeTeam: 'Fulham', awayTeam: 'Chelsea' },
      },
    ]);

    const userToken = await stack.api.post('/internal/scoring/standings', { userId: member.id, leagueIds: [] }, { token: member.token });
    expect(userToken.status).toBe(403);
    const extra = await stack.api.post('/internal/scoring/standings', { userId: member.id, leagueIds: [], all: true }, { token: service });
    expect([extra.status, extra.body.code]).toEqual([422, 'VALIDATION_FAILED']);
  });

  it('serves its OpenAPI document without the internal routes', async () => {
    const answer = await stack.api.get('/api/scoring/docs-json');
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body.paths).sort()).toEqual([
      '/api/scoring/leagues/{leagueId}/fixtures',
      '/api/scoring/leagues/{leagueId}/leaderboard',
      '/api/scoring/leagues/{leagueId}/leaderboard.csv',
      '/api/scoring/leagues/{leagueId}/managers/{userId}/breakdown',
      '/api/scoring/leagues/{leagueId}/results',
      '/api/scoring/leagues/{leagueId}/rosters/rebuild',
    ]);
  });
});
