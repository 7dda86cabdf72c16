import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE_ASSETS, assetIdFor } from '@auction/leagues-domain';
import { leaguesService } from '@auction/leagues';
import { startTestStack, testUser, type TestStack } from '@auction/testing';
import { createLeague, expectProblem, join, leagueWithMembers, sqlRows, startAuction } from './support.js';

const ARSENAL = assetIdFor('football', 'eng-arsenal');
const CHELSEA = assetIdFor('football', 'eng-chelsea');
const REAL_MADRID = assetIdFor('football', 'esp-real-madrid');
const WILLIAMSON = assetIdFor('cricket', 'nz-kane-williamson');
const UNKNOWN_ID = '3f1d8a52-0c6e-4b7a-9d2f-5e8c1b4a7d90';
const EPL_IDS = CATALOGUE_ASSETS.filter((a) => a.sport === 'football' && a.competitions.includes('EPL')).map((a) => a.id);
const ODI_IDS = CATALOGUE_ASSETS.filter((a) => a.sport === 'cricket').map((a) => a.id);

describe('leagues: create, read, edit, members, invite token', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ services: [leaguesService] });
  });
  afterAll(() => stack.close());

  describe('POST /api/leagues', () => {
    it('takes the sport’s defaults for omitted settings and makes the caller commissioner and a manager', async () => {
      const commissioner = testUser('Ann');
      const league = await createLeague(stack, commissioner, { name: '  Clubhouse League  ' });
      expect(league).toMatchObject({
        name: 'Clubhouse League',
        sport: 'football',
        competition: 'EPL',
        budget: 500,
        rosterSize: 3,
        minManagers: 2,
        openingBid: 1,
        minIncrement: 1,
        bidTimerSeconds: 30,
        antiSnipeSeconds: 10,
        lotGapSeconds: 3,
        leadInSeconds: 10,
        nominationOrder: 'random',
        scoringRules: { win: 3, draw: 1, goal: 1 },
        status: 'open',
        auctionId: null,
        commissionerId: commissioner.id,
        members: [{ userId: commissioner.id, displayName: 'Ann', role: 'commissioner', joinedAt: expect.any(String) }],
      });
      expect(league.inviteToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect([...league.assetIds].sort()).toEqual([...EPL_IDS].sort());

      const stored = await sqlRows(stack, 'select role from leagues.league_members where league_id = $1 and user_id = $2', [
        league.id,
        commissioner.id,
      ]);
      expect(stored).toEqual([{ role: 'commissioner' }]);
      const pool = await sqlRows<{ n: number }>(stack, 'select count(*)::int as n from leagues.league_assets where league_id = $1', [
        league.id,
      ]);
      expect(pool[0]!.n).toBe(20);
    });

    it('gives cricket its own defaults and pool', async () => {
      const league = await createLeague(stack, testUser(), { name: 'Summer XI', sport: 'cricket' });
      expect(league).toMatchObject({
        rosterSize: 11,
        competition: 'ODI-NZ-ENG',
        scoringRules: { run: 1, wicket: 20, catch: 10, stumping: 25, runOut: 20 },
      });
      expect([...league.assetIds].sort()).toEqual([...ODI_IDS].sort());
    });

    it('keeps a chosen list in its order for a fixed nomination order', async () => {
      const commissioner = testUser();
      const order = [REAL_MADRID, ARSENAL, CHELSEA];
      const league = await createLeague(stack, commissioner, {
        competition: 'UCL',
        nominationOrder: 'fixed',
        assetIds: order,
        budget: 200,
        rosterSize: 2,
      });
      expect(league.assetIds).toEqual(order);
      const read = await stack.api.get(`/api/leagues/${league.id}`, { token: commissioner.token });
      expect(read.body.assetIds).toEqual(order);
      expect(read.body).toMatchObject({ nominationOrder: 'fixed', budget: 200, rosterSize: 2, competition: 'UCL' });
    });

    const nonsense: Array<[string, Record<string, unknown>, string]> = [
      ['a negative budget', { budget: -5 }, 'budget'],
      ['a fractional budget', { budget: 10.5 }, 'budget'],
      ['a budget that is not a number', { budget: 'lots' }, 'budget'],
      ['a roster of 0', { rosterSize: 0 }, 'rosterSize'],
      ['a roster of 51', { rosterSize: 51 }, 'rosterSize'],
      ['a 1-second timer', { bidTimerSeconds: 1 }, 'bidTimerSeconds'],
      ['a 601-second timer', { bidTimerSeconds: 601 }, 'bidTimerSeconds'],
      ['anti-snipe above 60 s', { antiSnipeSeconds: 61 }, 'antiSnipeSeconds'],
      ['anti-snipe longer than the timer', { bidTimerSeconds: 5, antiSnipeSeconds: 10 }, 'antiSnipeSeconds'],
      ['a 31-second pause between lots', { lotGapSeconds: 31 }, 'lotGapSeconds'],
      ['a negative pause between lots', { lotGapSeconds: -1 }, 'lotGapSeconds'],
      ['a fractional pause between lots', { lotGapSeconds: 1.5 }, 'lotGapSeconds'],
      ['a 121-second lead-in', { leadInSeconds: 121 }, 'leadInSeconds'],
      ['a lead-in that is not a number', { leadInSeconds: 'soon' }, 'leadInSeconds'],
      ['10,000 managers', { maxManagers: 10_000 }, 'maxManagers'],
      ['a single manager', { minManagers: 1 }, 'minManagers'],
      ['a minimum above the maximum', { minManagers: 10, maxManagers: 5 }, 'minManagers'],
      ['an opening bid of 0', { openingBid: 0 }, 'openingBid'],
      ['an increment of 0', { minIncrement: 0 }, 'minIncrement'],
      ['a budget too small for a full roster', { budget: 2, rosterSize: 3, openingBid: 1 }, 'budget'],
      ['an unknown asset id', { assetIds: [ARSENAL, UNKNOWN_ID] }, 'assetIds.1'],
      ['an asset of another sport', { assetIds: [WILLIAMSON] }, 'assetIds.0'],
      ['the same asset twice', { assetIds: [ARSENAL, ARSENAL] }, 'assetIds.1'],
      ['an asset id that is not a UUID', { assetIds: ['arsenal'] }, 'assetIds.0'],
      ['an empty asset list', { assetIds: [] }, 'assetIds'],
      ['a fixed order without a list', { nominationOrder: 'fixed' }, 'assetIds'],
      ['an unknown competition', { competition: 'MLS' }, 'competition'],
      [
        'cricket scoring in a football league',
        { scoringRules: { run: 1, wicket: 20, catch: 10, stumping: 25, runOut: 20 } },
        'scoringRules',
      ],
      ['an unknown scoring rule', { scoringRules: { win: 3, draw: 1, goal: 1, corner: 1 } }, 'scoringRules.corner'],
      ['absurd points', { scoringRules: { win: 5000, draw: 1, goal: 1 } }, 'scoringRules.win'],
      ['a missing scoring rule', { scoringRules: { win: 3, draw: 1 } }, 'scoringRules.goal'],
      ['an empty name', { name: '   ' }, 'name'],
      ['a name of 81 characters', { name: 'x'.repeat(81) }, 'name'],
      ['an unknown sport', { sport: 'curling' }, 'sport'],
      ['an unknown nomination order', { nominationOrder: 'alphabetical' }, 'nominationOrder'],
    ];

    it.each(nonsense)('refuses %s with 422 VALIDATION_FAILED naming the field, and stores nothing', async (_, settings, path) => {
      const commissioner = testUser();
      const answer = await stack.api.post(
        '/api/leagues',
        { name: 'Nonsense', sport: 'football', ...settings },
        { token: commissioner.token },
      );
      expectProblem(answer, 422, 'VALIDATION_FAILED');
      expect(answer.body.errors).toContainEqual({ path, message: expect.any(String) });
      const stored = await sqlRows(stack, 'select 1 from leagues.leagues where commissioner_id = $1', [commissioner.id]);
      expect(stored).toHaveLength(0);
    });

    it('words a range problem for the commissioner', async () => {
      const answer = await stack.api.post(
        '/api/leagues',
        { name: 'Quick', sport: 'football', bidTimerSeconds: 1 },
        { token: testUser().token },
      );
      expect(answer.body.errors).toEqual([
        { path: 'bidTimerSeconds', message: 'The bid timer must be a whole number from 3 to 600 seconds — you entered 1.' },
      ]);
    });

    it('refuses unknown fields with 422', async () => {
      const answer = await stack.api.post(
        '/api/leagues',
        { name: 'Sneaky', sport: 'football', status: 'completed' },
        { token: testUser().token },
      );
      expectProblem(answer, 422, 'VALIDATION_FAILED');
      expect(answer.body.errors[0].message).toContain('status');
    });
  });

  describe('GET /api/leagues/:id', () => {
    it('shows members the league and only the commissioner its invite token', async () => {
      const { league, commissioner, members } = await leagueWithMembers(stack, 1);
      const asCommissioner = await stack.api.get(`/api/leagues/${league.id}`, { token: commissioner.token });
      expect(asCommissioner.status).toBe(200);
      expect(asCommissioner.body.inviteToken).toBe(league.inviteToken);
      const asMember = await stack.api.get(`/api/leagues/${league.id}`, { token: members[0]!.token });
      expect(asMember.status).toBe(200);
      expect(asMember.body).not.toHaveProperty('inviteToken');
      expect(asMember.body.members.map((m: { userId: string; role: string }) => [m.userId, m.role])).toEqual([
        [commissioner.id, 'commissioner'],
        [members[0]!.id, 'manager'],
      ]);
    });

    it('refuses strangers with 403 NOT_A_MEMBER, unknown and malformed ids with 404', async () => {
      const league = await createLeague(stack, testUser());
      const stranger = testUser('stranger');
      expectProblem(await stack.api.get(`/api/leagues/${league.id}`, { token: stranger.token }), 403, 'NOT_A_MEMBER');
      expectProblem(await stack.api.get(`/api/leagues/${UNKNOWN_ID}`, { token: stranger.token }), 404, 'NOT_FOUND');
      expectProblem(await stack.api.get('/api/leagues/not-a-uuid', { token: stranger.token }), 404, 'NOT_FOUND');
    });
  });

  describe('PATCH /api/leagues/:id', () => {
    it('lets the commissioner change settings, keeping the rest', async () => {
      const commissioner = testUser();
      const league = await createLeague(stack, commissioner);
      const answer = await stack.api.patch(
        `/api/leagues/${league.id}`,
        { budget: 300, bidTimerSeconds: 20, name: 'Renamed' },
        { token: commissioner.token },
      );
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body).toMatchObject({ budget: 300, bidTimerSeconds: 20, name: 'Renamed', rosterSize: 3, antiSnipeSeconds: 10 });
      const [row] = await sqlRows(stack, 'select budget, bid_timer_seconds, name from leagues.leagues where id = $1', [league.id]);
      expect(row).toEqual({ budget: 300, bid_timer_seconds: 20, name: 'Renamed' });
    });

    it('switching sport brings that sport’s defaults and pool', async () => {
      const commissioner = testUser();
      const league = await createLeague(stack, commissioner, { rosterSize: 5 });
      const answer = await stack.api.patch(`/api/leagues/${league.id}`, { sport: 'cricket' }, { token: commissioner.token });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body).toMatchObject({ sport: 'cricket', rosterSize: 11, competition: 'ODI-NZ-ENG' });
      expect([...answer.body.assetIds].sort()).toEqual([...ODI_IDS].sort());
      const pool = await sqlRows<{ asset_id: string }>(stack, 'select asset_id from leagues.league_assets where league_id = $1', [
        league.id,
      ]);
      expect(pool.map((r) => r.asset_id).sort()).toEqual([...ODI_IDS].sort());
    });

    it('refuses bad settings and changes nothing', async () => {
      const commissioner = testUser();
      const league = await createLeague(stack, commissioner);
      const answer = await stack.api.patch(
        `/api/leagues/${league.id}`,
        { budget: 10, antiSnipeSeconds: 99 },
        { token: commissioner.token },
      );
      expectProblem(answer, 422, 'VALIDATION_FAILED');
      expect(answer.body.errors.map((e: { path: string }) => e.path)).toEqual(['antiSnipeSeconds']);
      const unknownField = await stack.api.patch(
        `/api/leagues/${league.id}`,
        { commissionerId: testUser().id },
        { token: commissioner.token },
      );
      expectProblem(unknownField, 422, 'VALIDATION_FAILED');
      const [row] = await sqlRows(stack, 'select budget, anti_snipe_seconds from leagues.leagues where id = $1', [league.id]);
      expect(row).toEqual({ budget: 500, anti_snipe_seconds: 10 });
    });

    it('cannot lower the maximum below the members already in', async () => {
      const { league, commissioner } = await leagueWithMembers(stack, 2);
      const answer = await stack.api.patch(`/api/leagues/${league.id}`, { maxManagers: 2 }, { token: commissioner.token });
      expectProblem(answer, 422, 'VALIDATION_FAILED');
      expect(answer.body.errors).toEqual([{ path: 'maxManagers', message: expect.stringContaining('already has 3 members') }]);
      const ok = await stack.api.patch(`/api/leagues/${league.id}`, { maxManagers: 3 }, { token: commissioner.token });
      expect(ok.status).toBe(200);
      expect(ok.body.maxManagers).toBe(3);
    });

    it('is closed once the auction has started', async () => {
      const { league, commissioner } = await leagueWithMembers(stack, 1);
      expect((await startAuction(stack, league.id, commissioner.id, crypto.randomUUID())).status).toBe(200);
      expectProblem(
        await stack.api.patch(`/api/leagues/${league.id}`, { budget: 400 }, { token: commissioner.token }),
        409,
        'AUCTION_STARTED',
      );
    });
  });

  describe('DELETE /api/leagues/:id/members/:userId', () => {
    it('lets the commissioner remove a manager before the auction', async () => {
      const { league, commissioner, members } = await leagueWithMembers(stack, 2);
      const [leaving, staying] = members;
      const answer = await stack.api.delete(`/api/leagues/${league.id}/members/${leaving!.id}`, { token: commissioner.token });
      expect(answer.status).toBe(204);
      const stored = await sqlRows<{ user_id: string }>(stack, 'select user_id from leagues.league_members where league_id = $1', [
        league.id,
      ]);
      expect(stored.map((r) => r.user_id).sort()).toEqual([commissioner.id, staying!.id].sort());
      expectProblem(await stack.api.get(`/api/leagues/${league.id}`, { token: leaving!.token }), 403, 'NOT_A_MEMBER');
      expectProblem(
        await stack.api.delete(`/api/leagues/${league.id}/members/${leaving!.id}`, { token: commissioner.token }),
        404,
        'NOT_FOUND',
      );
    });

    it('never removes the commissioner, and nobody after the auction has started', async () => {
      const { league, commissioner, members } = await leagueWithMembers(stack, 1);
      expectProblem(
        await stack.api.delete(`/api/leagues/${league.id}/members/${commissioner.id}`, { token: commissioner.token }),
        409,
        'CONFLICT',
      );
      expectProblem(
        await stack.api.delete(`/api/leagues/${league.id}/members/${commissioner.id}`, { token: members[0]!.token }),
        403,
        'NOT_COMMISSIONER',
      );
      await startAuction(stack, league.id, commissioner.id, crypto.randomUUID());
      expectProblem(
        await stack.api.delete(`/api/leagues/${league.id}/members/${members[0]!.id}`, { token: commissioner.token }),
        409,
        'AUCTION_STARTED',
      );
      const stored = await sqlRows(stack, 'select 1 from leagues.league_members where league_id = $1', [league.id]);
      expect(stored).toHaveLength(2);
    });
  });

  describe('POST /api/leagues/:id/invite-token', () => {
    it('rotates the token: the old one stops working, the new one works', async () => {
      const commissioner = testUser();
      const league = await createLeague(stack, commissioner);
      const answer = await stack.api.post(`/api/leagues/${league.id}/invite-token`, undefined, { token: commissioner.token });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ leagueId: league.id, inviteToken: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/) });
      expect(answer.body.inviteToken).not.toBe(league.inviteToken);

      expectProblem(await join(stack, testUser(), league.inviteToken), 404, 'NOT_FOUND');
      const joined = await join(stack, testUser(), answer.body.inviteToken);
      expect(joined.status).toBe(200);
      const read = await stack.api.get(`/api/leagues/${league.id}`, { token: commissioner.token });
      expect(read.body.inviteToken).toBe(answer.body.inviteToken);
    });
  });
});
