import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isValidServiceToken } from '@auction/auth-guard';
import type { AuctionCompletedEvent, AuctionSetup } from '@auction/contracts';
import { CATALOGUE_ASSETS, assetIdFor } from '@auction/leagues-domain';
import { CompleteLeagueUseCase, leaguesService } from '@auction/leagues';
import { EventBus } from '@auction/realtime';
import { TEST_JWT_SECRET, startTestStack, testUser, type TestStack } from '@auction/testing';
import { createLeague, expectProblem, join, leagueWithMembers, serviceToken, sqlRows, startAuction } from './support.js';

const UNKNOWN_ID = '3f1d8a52-0c6e-4b7a-9d2f-5e8c1b4a7d90';

/** Plays the scoring service's `POST /internal/scoring/standings`, answering as told. */
class FakeScoring {
  mode: 'ok' | 'error' | 'garbage' | 'hang' = 'ok';
  readonly requests: Array<{ authorization: string; body: { userId: string; leagueIds: string[] } }> = [];
  private readonly server: Server = createServer((req, res) => void this.handle(req, res));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw || '{}');
    this.requests.push({ authorization: req.headers.authorization ?? '', body });
    if (req.url !== '/internal/scoring/standings' || req.method !== 'POST') return void res.writeHead(404).end();
    if (this.mode === 'hang') return;
    if (this.mode === 'error') return void res.writeHead(500, { 'content-type': 'application/json' }).end('{"code":"INTERNAL"}');
    if (this.mode === 'garbage') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"not":"a list"}');
    const answer = body.leagueIds.map((leagueId: string, index: number) => ({
      leagueId,
      rank: index + 1,
      points: 10 * (index + 1),
      nextFixture: { externalMatchId: `m${index}`, startsAt: '2026-01-10T15:00:00Z', homeTeam: 'Arsenal', awayTeam: 'Chelsea' },
    }));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  }
}

describe('internal routes of the leagues service', () => {
  let stack: TestStack;
  const scoring = new FakeScoring();
  const internal = { token: serviceToken() };

  beforeAll(async () => {
    stack = await startTestStack({ services: [leaguesService], env: { SCORING_URL: await scoring.start() } });
  });
  afterAll(async () => {
    await stack.close();
    await scoring.stop();
  });

  it('are for services only: no token or a user’s token is 403 FORBIDDEN', async () => {
    const { league, commissioner } = await leagueWithMembers(stack, 0);
    const routes: Array<[string, string, unknown?]> = [
      ['GET', `/internal/leagues/${league.id}/members/${commissioner.id}`],
      ['GET', `/internal/leagues/${league.id}/scoring-context`],
      ['GET', `/internal/leagues/${league.id}/mail-recipients`],
      ['POST', `/internal/leagues/${league.id}/start-auction`, { userId: commissioner.id, auctionId: crypto.randomUUID() }],
      ['POST', `/internal/leagues/invited-members`, { userId: commissioner.id, email: commissioner.email, displayName: 'x' }],
    ];
    for (const [method, path, body] of routes) {
      expectProblem(await stack.api.request(method, path, body), 403, 'FORBIDDEN');
      expectProblem(await stack.api.request(method, path, body, { token: commissioner.token }), 403, 'FORBIDDEN');
    }
    const [row] = await sqlRows(stack, 'select status from leagues.leagues where id = $1', [league.id]);
    expect(row).toEqual({ status: 'open' });
  });

  it('are not in the public OpenAPI document, while the public routes are', async () => {
    const docs = await stack.api.get('/api/leagues/docs-json');
    expect(docs.status).toBe(200);
    const paths = Object.keys(docs.body.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/sports',
        '/api/assets',
        '/api/leagues',
        '/api/leagues/join',
        '/api/leagues/{id}',
        '/api/leagues/{id}/members/{userId}',
        '/api/leagues/{id}/invite-token',
        '/api/leagues/{id}/invitations',
        '/api/leagues/{id}/invitations/resend',
        '/api/leagues/invites/{inviteToken}',
        '/api/me/competitions',
      ]),
    );
    expect(paths.filter((path) => path.startsWith('/internal'))).toEqual([]);
    expect(docs.body.paths['/api/leagues'].post.requestBody.content['application/json'].schema.properties).toHaveProperty(
      'bidTimerSeconds',
    );
  });

  describe('GET /internal/leagues/:id/members/:userId', () => {
    it('answers a member’s role, or 404 NOT_A_MEMBER / NOT_FOUND', async () => {
      const { league, commissioner, members } = await leagueWithMembers(stack, 1);
      const found = await stack.api.get(`/internal/leagues/${league.id}/members/${members[0]!.id}`, internal);
      expect(found.status).toBe(200);
      expect(found.body).toEqual({
        leagueId: league.id,
        userId: members[0]!.id,
        role: 'manager',
        displayName: 'manager1',
        joinedAt: expect.any(String),
      });
      const boss = await stack.api.get(`/internal/leagues/${league.id}/members/${commissioner.id}`, internal);
      expect(boss.body.role).toBe('commissioner');
      expectProblem(await stack.api.get(`/internal/leagues/${league.id}/members/${testUser().id}`, internal), 404, 'NOT_A_MEMBER');
      expectProblem(await stack.api.get(`/internal/leagues/${UNKNOWN_ID}/members/${commissioner.id}`, internal), 404, 'NOT_FOUND');
    });
  });

  describe('POST /internal/leagues/:id/start-auction', () => {
    it('freezes the league and hands over its setup: settings, members, the pool in order', async () => {
      const order = [
        assetIdFor('football', 'eng-liverpool'),
        assetIdFor('football', 'eng-arsenal'),
        assetIdFor('football', 'esp-barcelona'),
      ];
      const { league, commissioner, members } = await leagueWithMembers(stack, 2, {
        name: 'Frozen',
        competition: 'UCL',
        nominationOrder: 'fixed',
        assetIds: order,
        budget: 100,
        rosterSize: 1,
        openingBid: 5,
        minIncrement: 2,
        bidTimerSeconds: 20,
        antiSnipeSeconds: 5,
        lotGapSeconds: 0,
        leadInSeconds: 30,
        scoringRules: { win: 4, draw: 2, goal: 1 },
      });
      const auctionId = crypto.randomUUID();
      const answer = await startAuction(stack, league.id, commissioner.id, auctionId);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      const setup: AuctionSetup = answer.body;
      expect(setup).toEqual({
        leagueId: league.id,
        name: 'Frozen',
        sport: 'football',
        commissionerId: commissioner.id,
        settings: {
          budget: 100,
          rosterSize: 1,
          openingBid: 5,
          minIncrement: 2,
          bidTimerSeconds: 20,
          antiSnipeSeconds: 5,
          lotGapSeconds: 0,
          leadInSeconds: 30,
          nominationOrder: 'fixed',
          scoringRules: { win: 4, draw: 2, goal: 1 },
        },
        members: [commissioner, ...members].map((user) => ({
          userId: user.id,
          displayName: user.displayName,
          role: user === commissioner ? 'commissioner' : 'manager',
          joinedAt: expect.any(String),
        })),
        assets: [
          { id: order[0], externalId: 'eng-liverpool', name: 'Liverpool', shortName: 'LIV', team: 'England', role: null },
          { id: order[1], externalId: 'eng-arsenal', name: 'Arsenal', shortName: 'ARS', team: 'England', role: null },
          { id: order[2], externalId: 'esp-barcelona', name: 'Barcelona', shortName: 'BAR', team: 'Spain', role: null },
        ],
      });
      const [row] = await sqlRows(stack, 'select status, auction_id from leagues.leagues where id = $1', [league.id]);
      expect(row).toEqual({ status: 'auction', auction_id: auctionId });
      const read = await stack.api.get(`/api/leagues/${league.id}`, { token: members[0]!.token });
      expect(read.body).toMatchObject({ status: 'auction', auctionId });

      // The same auction again gets the same setup; another auction is refused.
      const repeat = await startAuction(stack, league.id, commissioner.id, auctionId);
      expect(repeat.status).toBe(200);
      expect(repeat.body).toEqual(setup);
      expectProblem(await startAuction(stack, league.id, commissioner.id, crypto.randomUUID()), 409, 'AUCTION_STARTED');
    });

    it('only for the commissioner, only with enough managers', async () => {
      const { league, commissioner, members } = await leagueWithMembers(stack, 1, { minManagers: 3 });
      expectProblem(await startAuction(stack, league.id, members[0]!.id, crypto.randomUUID()), 403, 'NOT_COMMISSIONER');
      expectProblem(await startAuction(stack, league.id, testUser().id, crypto.randomUUID()), 403, 'NOT_COMMISSIONER');
      const tooFew = await startAuction(stack, league.id, commissioner.id, crypto.randomUUID());
      expectProblem(tooFew, 409, 'NOT_ENOUGH_MANAGERS');
      expect(tooFew.body.detail).toContain('at least 3');
      expectProblem(await startAuction(stack, UNKNOWN_ID, commissioner.id, crypto.randomUUID()), 404, 'NOT_FOUND');
      const badBody = await stack.api.post(`/internal/leagues/${league.id}/start-auction`, { userId: commissioner.id }, internal);
      expectProblem(badBody, 422, 'VALIDATION_FAILED');

      await join(stack, testUser(), league.inviteToken);
      expect((await startAuction(stack, league.id, commissioner.id, crypto.randomUUID())).status).toBe(200);
    });

    it('lets no join slip in after the start: the setup lists exactly the members stored', async () => {
      const { league, commissioner } = await leagueWithMembers(stack, 1);
      const joiners = Array.from({ length: 15 }, (_, i) => testUser(`racer${i}`));
      const [start, ...joins] = await Promise.all([
        startAuction(stack, league.id, commissioner.id, crypto.randomUUID()),
        ...joiners.map((user) => join(stack, user, league.inviteToken)),
      ]);
      expect(start!.status).toBe(200);
      for (const answer of joins) expect([200, 409]).toContain(answer.status);
      for (const answer of joins.filter((a) => a.status === 409)) expect(answer.body.code).toBe('AUCTION_STARTED');
      const stored = await sqlRows<{ user_id: string }>(stack, 'select user_id from leagues.league_members where league_id = $1', [
        league.id,
      ]);
      expect(start!.body.members.map((m: { userId: string }) => m.userId).sort()).toEqual(stored.map((r) => r.user_id).sort());
      expect(stored).toHaveLength(2 + joins.filter((a) => a.status === 200).length);
    });
  });

  describe('GET /internal/leagues/:id/mail-recipients', () => {
    it('answers every member with their address, for the auction engine’s mails only', async () => {
      const { league, commissioner, members } = await leagueWithMembers(stack, 1, { name: 'Mail League' });
      const answer = await stack.api.get(`/internal/leagues/${league.id}/mail-recipients`, internal);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        leagueId: league.id,
        name: 'Mail League',
        commissionerId: commissioner.id,
        members: [commissioner, members[0]!].map((user) => ({ userId: user.id, displayName: user.displayName, email: user.email })),
      });
      expectProblem(await stack.api.get(`/internal/leagues/${UNKNOWN_ID}/mail-recipients`, internal), 404, 'NOT_FOUND');
    });
  });

  describe('GET /internal/leagues/:id/scoring-context', () => {
    it('answers the rules, members and the whole catalogue of the sport', async () => {
      const { league, commissioner, members } = await leagueWithMembers(stack, 1, {
        sport: 'cricket',
        name: 'Summer XI',
        scoringRules: { run: 2, wicket: 25, catch: 10, stumping: 25, runOut: 20 },
      });
      const answer = await stack.api.get(`/internal/leagues/${league.id}/scoring-context`, internal);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        leagueId: league.id,
        sport: 'cricket',
        scoringRules: { run: 2, wicket: 25, catch: 10, stumping: 25, runOut: 20 },
        commissionerId: commissioner.id,
        status: 'open',
        members: [
          { userId: commissioner.id, displayName: 'commissioner', joinedAt: expect.any(String) },
          { userId: members[0]!.id, displayName: 'manager1', joinedAt: expect.any(String) },
        ],
      });
      const cricket = CATALOGUE_ASSETS.filter((a) => a.sport === 'cricket');
      expect(answer.body.catalogue).toHaveLength(cricket.length);
      expect(answer.body.catalogue).toContainEqual({
        id: assetIdFor('cricket', 'eng-joe-root'),
        externalId: 'eng-joe-root',
        name: 'Joe Root',
        shortName: null,
        team: 'England',
        aliases: [],
        registryId: null,
      });
      expectProblem(await stack.api.get(`/internal/leagues/${UNKNOWN_ID}/scoring-context`, internal), 404, 'NOT_FOUND');
    });

    it('lists every football club for a league that auctions a few', async () => {
      const { league } = await leagueWithMembers(stack, 0, { assetIds: [assetIdFor('football', 'eng-arsenal')] });
      const answer = await stack.api.get(`/internal/leagues/${league.id}/scoring-context`, internal);
      expect(answer.body.catalogue).toHaveLength(CATALOGUE_ASSETS.filter((a) => a.sport === 'football').length);
      expect(answer.body.poolAssetIds).toEqual([assetIdFor('football', 'eng-arsenal')]);
      expect(answer.body.catalogue).toContainEqual(
        expect.objectContaining({ externalId: 'eng-manchester-united', aliases: ['Man United', 'Man Utd'] }),
      );
    });
  });

  describe('the auction.completed event', () => {
    it('completes the league of that auction, and only that auction', async () => {
      const { league, commissioner } = await leagueWithMembers(stack, 1);
      const auctionId = crypto.randomUUID();
      await startAuction(stack, league.id, commissioner.id, auctionId);
      const handler = vi.spyOn(stack.app.get(CompleteLeagueUseCase), 'execute');
      const event = (id: string): AuctionCompletedEvent => ({
        auctionId: id,
        leagueId: league.id,
        sport: 'football',
        completedAt: new Date().toISOString(),
        managers: [],
      });
      const bus = stack.app.get(EventBus);

      await bus.publish('auction.completed', event(crypto.randomUUID()));
      await handler.mock.results[0]!.value;
      const [stale] = await sqlRows(stack, 'select status from leagues.leagues where id = $1', [league.id]);
      expect(stale).toEqual({ status: 'auction' });

      await bus.publish('auction.completed', event(auctionId));
      await handler.mock.results[1]!.value;
      const read = await stack.api.get(`/api/leagues/${league.id}`, { token: commissioner.token });
      expect(read.body).toMatchObject({ status: 'completed', auctionId });
      expectProblem(await startAuction(stack, league.id, commissioner.id, crypto.randomUUID()), 409, 'AUCTION_STARTED');
      handler.mockRestore();
    });
  });

  describe('GET /api/me/competitions', () => {
    it('lists my leagues with status, role, auction and member count, and scoring’s rank, points and next fixture', async () => {
      scoring.mode = 'ok';
      const { league: mine, commissioner: me } = await leagueWithMembers(stack, 2, { name: 'Mine' });
      const other = await createLeague(stack, testUser('host'), { name: 'Theirs' });
      await join(stack, me, other.inviteToken);
      const auctionId = crypto.randomUUID();
      await startAuction(stack, mine.id, me.id, auctionId);

      const answer = await stack.api.get('/api/me/competitions', { token: me.token });
      expect(answer.status).toBe(200);
      expect(answer.body.items).toEqual([
        {
          leagueId: other.id,
          name: 'Theirs',
          sport: 'football',
          status: 'open',
          role: 'manager',
          auctionId: null,
          managers: 2,
          rank: 1,
          points: 10,
          nextFixture: { externalMatchId: 'm0', startsAt: '2026-01-10T15:00:00Z', homeTeam: 'Arsenal', awayTeam: 'Chelsea' },
        },
        expect.objectContaining({
          leagueId: mine.id,
          name: 'Mine',
          status: 'auction',
          role: 'commissioner',
          auctionId,
          managers: 3,
          rank: 2,
          points: 20,
        }),
      ]);
      const call = scoring.requests.at(-1)!;
      expect(call.body).toEqual({ userId: me.id, leagueIds: [other.id, mine.id] });
      expect(isValidServiceToken(TEST_JWT_SECRET, call.authorization.replace('Bearer ', ''))).toBe(true);
    });

    it.each(['error', 'garbage', 'hang'] as const)('still answers, without standings, when scoring is %s', async (mode) => {
      scoring.mode = mode;
      const { league, commissioner } = await leagueWithMembers(stack, 0);
      const answer = await stack.api.get('/api/me/competitions', { token: commissioner.token });
      expect(answer.status).toBe(200);
      expect(answer.body.items).toEqual([
        expect.objectContaining({ leagueId: league.id, rank: null, points: null, nextFixture: null, managers: 1 }),
      ]);
    });

    it('is empty for someone in no league, without asking scoring', async () => {
      const before = scoring.requests.length;
      const answer = await stack.api.get('/api/me/competitions', { token: testUser().token });
      expect(answer.body).toEqual({ items: [] });
      expect(scoring.requests).toHaveLength(before);
      expectProblem(await stack.api.get('/api/me/competitions'), 401, 'UNAUTHORIZED');
    });
  });
});

describe('competitions when the scoring service is not there at all', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ services: [leaguesService], env: { SCORING_URL: 'http://127.0.0.1:9' } });
  });
  afterAll(() => stack.close());

  it('lists the leagues with null standings', async () => {
    const { league, commissioner } = await leagueWithMembers(stack, 0);
    const answer = await stack.api.get('/api/me/competitions', { token: commissioner.token });
    expect(answer.status).toBe(200);
    expect(answer.body.items).toEqual([expect.objectContaining({ leagueId: league.id, rank: null, points: null, nextFixture: null })]);
  });
});
