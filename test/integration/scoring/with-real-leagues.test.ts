import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset, AuctionCompletedEvent, League } from '@auction/contracts';
import { EventBus } from '@auction/realtime';
import { leaguesService } from '@auction/leagues';
import { scoringService } from '@auction/scoring';
import { startTestStack, testUser, type TestStack } from '@auction/testing';
import { csv, eventually, rosterAssetCount } from '../../../libs/scoring/feature/test/scoring-fakes.js';

/** Scoring against the real leagues service: its scoring context, catalogue and my-competitions call. */
describe('scoring with the real leagues service', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ services: [leaguesService, scoringService] });
  });
  afterAll(() => stack.close());

  it('scores a league from the real catalogue and shows rank and points in my competitions', async () => {
    const commissioner = testUser('commissioner');
    const member = testUser('member');
    const created = await stack.api.post('/api/leagues', { name: 'Clubhouse', sport: 'football' }, { token: commissioner.token });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const league = created.body as League & { inviteToken: string };
    expect((await stack.api.post('/api/leagues/join', { inviteToken: league.inviteToken }, { token: member.token })).status).toBe(200);
    const joined = (await stack.api.get(`/api/leagues/${league.id}`, { token: member.token })).body as League;
    const joinedAt = new Map(joined.members.map((m) => [m.userId, m.joinedAt]));

    const assets = (await stack.api.get('/api/assets?sport=football&limit=200', { token: member.token })).body.items as Asset[];
    const clubs = new Map(assets.map((asset) => [asset.externalId, asset]));
    const roster = (ids: string[]) =>
      ids.map((id) => ({ assetId: clubs.get(id)!.id, externalId: id, name: clubs.get(id)!.name, price: 10, lotId: randomUUID() }));
    const auction: AuctionCompletedEvent = {
      auctionId: randomUUID(),
      leagueId: league.id,
      sport: 'football',
      completedAt: new Date().toISOString(),
      managers: [
        {
          userId: commissioner.id,
          displayName: commissioner.displayName,
          joinedAt: joinedAt.get(commissioner.id)!,
          budget: 500,
          spent: 20,
          roster: roster(['eng-arsenal', 'eng-fulham']),
        },
        {
          userId: member.id,
          displayName: member.displayName,
          joinedAt: joinedAt.get(member.id)!,
          budget: 500,
          spent: 30,
          roster: roster(['eng-chelsea', 'eng-liverpool']),
        },
      ],
    };
    await stack.app.get(EventBus).publish('auction.completed', auction);
    await eventually(async () => (await rosterAssetCount(stack, league.id)) === 4);

    const year = new Date().getUTCFullYear();
    const fixtures = await stack.api.post(`/api/scoring/leagues/${league.id}/fixtures`, undefined, {
      token: commissioner.token,
      raw: csv([
        'externalMatchId,startsAt,homeTeam,awayTeam,competition',
        `R1-1,${year - 1}-08-16T14:00:00Z,Arsenal,Chelsea,EPL`,
        `R1-2,${year - 1}-08-16T16:30:00Z,LIV,eng-fulham,EPL`,
        `R9-1,${year + 1}-01-10T15:00:00Z,Chelsea,Liverpool,EPL`,
      ]),
    });
    expect(fixtures.body).toEqual({ format: 'fixtures-csv', dryRun: false, inserted: 3, updated: 0, errors: [] });
    const results = await stack.api.post(`/api/scoring/leagues/${league.id}/results`, undefined, {
      token: commissioner.token,
      raw: csv(['externalMatchId,homeGoals,awayGoals', 'R1-1,1,1', 'R1-2,3,0']),
    });
    expect(results.body).toEqual({ format: 'football-results-csv', dryRun: false, inserted: 2, updated: 0, errors: [] });

    // member: Chelsea 1 + 1, Liverpool 3 + 3 = 8; commissioner: Arsenal 1 + 1, Fulham 0 = 2.
    const board = await stack.api.get(`/api/scoring/leagues/${league.id}/leaderboard`, { token: member.token });
    expect(board.body.entries.map((e: { userId: string; rank: number; points: number }) => [e.userId, e.rank, e.points])).toEqual([
      [member.id, 1, 8],
      [commissioner.id, 2, 2],
    ]);
    const mine = await stack.api.get('/api/me/competitions', { token: member.token });
    expect(mine.body.items).toEqual([
      expect.objectContaining({
        leagueId: league.id,
        rank: 1,
        points: 8,
        nextFixture: { externalMatchId: 'R9-1', startsAt: `${year + 1}-01-10T15:00:00.000Z`, homeTeam: 'Chelsea', awayTeam: 'Liverpool' },
      }),
    ]);
    const stranger = await stack.api.get(`/api/scoring/leagues/${league.id}/leaderboard`, { token: testUser('stranger').token });
    expect(stranger.body.code).toBe('NOT_A_MEMBER');
  });
});
