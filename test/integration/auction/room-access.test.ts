import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_TOKEN, signAccessToken } from '@auction/auth-guard';
import { TEST_JWT_SECRET, testUser, type TestStack, type TestUser } from '@auction/testing';
import { SOCKET_JOIN_RATE } from '@auction/auction';
import { connectSocket, joinAuction, nextEvent, OpenSockets, type ClientSocket } from './support/sockets.js';
import { auctionStack, bid, createLeague, startedAuction } from './support/world.js';

/** Who may hear a room: members only, however hard an outsider tries. Rate limits on, as in production. */
describe('room access of the Socket.IO gateway', () => {
  let stack: TestStack;
  const open = new OpenSockets();

  beforeAll(async () => {
    stack = await auctionStack({ env: { RATE_LIMITS: 'on' } });
  });
  afterEach(() => open.closeAll());
  afterAll(async () => {
    await stack.close();
  });

  const connect = (user: TestUser): Promise<ClientSocket> => open.connect(stack.url, user.token);

  /** Every event a socket receives, by name. */
  function recordEvents(socket: ClientSocket): string[] {
    const events: string[] = [];
    socket.onAny((event: string) => events.push(event));
    return events;
  }

  it('lets an outsider looping joins for 10 s hear nothing of a live auction or of a lobby', async () => {
    const world = await startedAuction(stack, { managers: 2, settings: { budget: 100_000 } });
    const lobby = await createLeague(stack, { managers: 1 });
    const [ann, bob] = world.managers as [TestUser, TestUser];
    const watcher = await connect(ann);
    await joinAuction(watcher, world.auction.id);
    const lobbyMember = await connect(lobby.managers[0]!);
    expect(await lobbyMember.timeout(5000).emitWithAck('league:join', { leagueId: lobby.leagueId })).toMatchObject({ ok: true });
    const watcherHeard = recordEvents(watcher);
    const lobbyHeard = recordEvents(lobbyMember);

    const outsider = await connect(testUser('outsider'));
    const outsiderHeard = recordEvents(outsider);
    const refusals = new Map<string, number>();
    const until = Date.now() + 10_000;
    const count = (answer: { ok: boolean; error?: { code: string } }) => {
      const code = answer.ok ? 'ACCEPTED' : answer.error!.code;
      refusals.set(code, (refusals.get(code) ?? 0) + 1);
    };
    const joinLoop = async () => {
      while (Date.now() < until) {
        const [auction, league] = await Promise.all([
          outsider.timeout(5000).emitWithAck('auction:join', { auctionId: world.auction.id }),
          outsider.timeout(5000).emitWithAck('league:join', { leagueId: lobby.leagueId }),
        ]);
        count(auction);
        count(league);
      }
    };
    const roomActivity = async () => {
      let amount = 1;
      for (let round = 0; Date.now() < until; round++) {
        const bidder = round % 2 === 0 ? ann : bob;
        expect((await bid(stack, world, bidder, ++amount)).status).toBe(201);
        // Lobby changes: a presence broadcast each time the member's second tab comes and goes.
        const tab = await connect(lobby.managers[0]!);
        await tab.timeout(5000).emitWithAck('league:join', { leagueId: lobby.leagueId });
        tab.close();
        // Paced under the bid limit (10 per second per user), so every bid is accepted.
        await new Promise((resolve) => setTimeout(resolve, 120));
      }
      return amount;
    };
    const [, , lastAmount] = await Promise.all([joinLoop(), joinLoop(), roomActivity()]);

    expect(lastAmount).toBeGreaterThan(10);
    // Members heard every bid (the last may still be on its way), so the room was busy all along.
    await expect.poll(() => watcherHeard.filter((event) => event === 'bid:accepted').length).toBe(lastAmount - 1);
    expect(lobbyHeard).toContain('league:presence');
    expect(outsiderHeard).toEqual([]);
    expect(refusals.get('ACCEPTED')).toBeUndefined();
    expect(refusals.get('NOT_A_MEMBER')).toBeGreaterThan(0);
    expect(refusals.get('RATE_LIMITED')).toBeGreaterThan(0);
  }, 30_000);

  it('limits room joins per socket: 20 per 10 s, another socket of the same user unaffected', async () => {
    const world = await startedAuction(stack, { managers: 1 });
    const manager = world.managers[0]!;
    const busy = await connect(manager);
    for (let i = 0; i < SOCKET_JOIN_RATE.points; i++) await joinAuction(busy, world.auction.id);
    expect(await busy.timeout(5000).emitWithAck('auction:join', { auctionId: world.auction.id })).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED' },
    });
    expect(await busy.timeout(5000).emitWithAck('league:join', { leagueId: world.leagueId })).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED' },
    });
    const fresh = await connect(manager);
    expect((await joinAuction(fresh, world.auction.id)).id).toBe(world.auction.id);
  });

  it('takes a removed member out of the lobby at once: no later event, no way back in', async () => {
    const league = await createLeague(stack, { managers: 2 });
    const [stays, removed] = league.managers as [TestUser, TestUser];
    const staying = await connect(stays);
    const leaving = await connect(removed);
    for (const socket of [staying, leaving]) {
      expect(await socket.timeout(5000).emitWithAck('league:join', { leagueId: league.leagueId })).toMatchObject({ ok: true });
    }
    await expect
      .poll(() => staying.timeout(5000).emitWithAck('league:join', { leagueId: league.leagueId }))
      .toMatchObject({
        online: expect.arrayContaining([removed.id]),
      });

    const gone = nextEvent(staying, 'league:presence', (p) => !p.online.includes(removed.id));
    const removal = await stack.api.delete(`/api/leagues/${league.leagueId}/members/${removed.id}`, { token: league.commissioner.token });
    expect(removal.status).toBe(204);
    await gone;
    const heardAfterRemoval = recordEvents(leaving);
    expect(await leaving.timeout(5000).emitWithAck('league:join', { leagueId: league.leagueId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_MEMBER' },
    });

    const started = nextEvent(staying, 'auction:started');
    const auction = await stack.api.post('/api/auctions', { leagueId: league.leagueId }, { token: league.commissioner.token });
    expect(auction.status).toBe(201);
    await started;
    expect(await leaving.timeout(5000).emitWithAck('auction:join', { auctionId: auction.body.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_MEMBER' },
    });
    // Same process, same room broadcast: had the removed socket still been in the room, it would have heard it by now.
    expect(heardAfterRemoval).toEqual([]);
  });

  it('ends a socket when its access token expires; the old token is then refused with TOKEN_EXPIRED, a refreshed one admitted', async () => {
    const league = await createLeague(stack, { managers: 1 });
    const member = league.managers[0]!;
    const expiresSoon = signAccessToken(TEST_JWT_SECRET, member, new Date(Date.now() - (ACCESS_TOKEN.ttlSeconds - 2) * 1000));
    const socket = open.track(await connectSocket(stack.url, expiresSoon));
    expect(await socket.timeout(5000).emitWithAck('league:join', { leagueId: league.leagueId })).toMatchObject({ ok: true });
    const reason = await new Promise<string>((resolve) => socket.once('disconnect', resolve));
    expect(reason).toBe('io server disconnect');

    const refusal = await connectSocket(stack.url, expiresSoon).then(
      () => 'connected',
      (error: Error & { data?: { code?: string } }) => error.data?.code,
    );
    expect(refusal).toBe('TOKEN_EXPIRED');
    const refreshed = await connect(member);
    expect(await refreshed.timeout(5000).emitWithAck('league:join', { leagueId: league.leagueId })).toMatchObject({ ok: true });
  });
});
