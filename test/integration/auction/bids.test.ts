import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testUser, type TestStack, type TestUser } from '@auction/testing';
import { expectAuctionInvariants } from './support/invariants.js';
import { connectSocket } from './support/sockets.js';
import { auctionStack, bid, createLeague, snapshot, startedAuction } from './support/world.js';

describe('auction start and bids over HTTP', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await auctionStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  it('starts once, for the commissioner only, with the first lot open', async () => {
    const world = await startedAuction(stack, { managers: 2, assets: 4 });
    const { auction } = world;
    expect(auction).toMatchObject({
      leagueId: world.leagueId,
      status: 'live',
      seq: 1,
      lotsRemaining: 3,
      commissionerId: world.commissioner.id,
    });
    expect(auction.currentLot).toMatchObject({
      asset: { id: world.assets[0]!.id, name: world.assets[0]!.name },
      openingBid: 1,
      highBid: null,
      highBidderId: null,
    });
    expect(auction.currentLot!.remainingMs).toBeGreaterThan(59_000);
    expect(auction.managers.map((m) => m.maxBid)).toEqual([99, 99, 99]);
    expect(auction.settings).toMatchObject({ budget: 100, rosterSize: 2, minIncrement: 1, sport: 'football' });

    const again = await stack.api.post('/api/auctions', { leagueId: world.leagueId }, { token: world.commissioner.token });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('AUCTION_STARTED');
  });

  it('refuses a start by someone who is not the commissioner, and unknown fields', async () => {
    const world = await startedAuction(stack);
    const other = await createLeague(stack);
    const unknown = await stack.api.post('/api/auctions', { leagueId: randomUUID() }, { token: world.managers[0]!.token });
    expect(unknown.status).toBe(404);
    const notMine = await stack.api.post('/api/auctions', { leagueId: other.leagueId }, { token: world.managers[0]!.token });
    expect(notMine.body.code).toBe('NOT_COMMISSIONER');
    const extra = await stack.api.post('/api/auctions', { leagueId: other.leagueId, budget: 5 }, { token: world.commissioner.token });
    expect(extra.status).toBe(422);
    expect(extra.body.code).toBe('VALIDATION_FAILED');
  });

  it('accepts a valid bid with the next seq and shows it in the snapshot and history', async () => {
    const world = await startedAuction(stack);
    const [ann] = world.managers;
    const accepted = await bid(stack, world, ann!, 5);
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ amount: 5, bidderId: ann!.id, seq: 2, lotId: world.auction.currentLot!.id });
    const now = await snapshot(stack, world, ann);
    expect(now.seq).toBe(2);
    expect(now.currentLot).toMatchObject({ highBid: 5, highBidderId: ann!.id });
    const history = await stack.api.get(`/api/auctions/${world.auction.id}/bids?lotId=${world.auction.currentLot!.id}`, {
      token: ann!.token,
    });
    expect(history.body).toEqual({ items: [accepted.body], nextCursor: null });
  });

  it('refuses with each code and changes nothing', async () => {
    const world = await startedAuction(stack, { settings: { openingBid: 5, minIncrement: 2, budget: 50, rosterSize: 3 } });
    const [ann, bob] = world.managers;
    const code = async (answer: Promise<{ status: number; body: { code?: string } }>) => {
      const { status, body } = await answer;
      return `${status} ${body.code}`;
    };
    expect(await code(bid(stack, world, ann!, 4))).toBe('409 BID_TOO_LOW');
    expect(await code(bid(stack, world, ann!, 50 - 2 * 5 + 1))).toBe('422 BUDGET_EXCEEDED');
    expect(await code(bid(stack, world, ann!, 5, { lotId: randomUUID() }))).toBe('409 LOT_CLOSED');
    expect(await code(bid(stack, world, testUser('outsider'), 10))).toBe('403 NOT_A_MANAGER');
    const malformed = stack.api.post(
      `/api/auctions/${world.auction.id}/bids`,
      { lotId: world.auction.currentLot!.id, amount: 0, clientBidId: 'x' },
      { token: ann!.token },
    );
    expect(await code(malformed)).toBe('422 VALIDATION_FAILED');
    const unknownField = stack.api.post(
      `/api/auctions/${world.auction.id}/bids`,
      { lotId: world.auction.currentLot!.id, amount: 7, clientBidId: 'y', bidderId: bob!.id },
      { token: ann!.token },
    );
    expect(await code(unknownField)).toBe('422 VALIDATION_FAILED');
    expect(await snapshot(stack, world)).toMatchObject({ seq: 1, currentLot: { highBid: null } });

    expect((await bid(stack, world, ann!, 10)).status).toBe(201);
    expect(await code(bid(stack, world, bob!, 11))).toBe('409 BID_TOO_LOW');
    expect(await code(bid(stack, world, bob!, 10))).toBe('409 BID_TOO_LOW');
    expect((await bid(stack, world, bob!, 12)).status).toBe(201);

    const pause = await stack.api.post(`/api/auctions/${world.auction.id}/pause`, undefined, { token: world.commissioner.token });
    expect(pause.status).toBe(200);
    expect(await code(bid(stack, world, ann!, 20))).toBe('409 AUCTION_PAUSED');
    expect((await snapshot(stack, world)).currentLot).toMatchObject({ highBid: 12, highBidderId: bob!.id });
    await expectAuctionInvariants(stack.database.url, world.auction.id);
  });

  it('answers a retried clientBidId with the first answer and applies it once', async () => {
    const world = await startedAuction(stack);
    const [ann, bob] = world.managers;
    const clientBidId = randomUUID();
    const first = await bid(stack, world, ann!, 3, { clientBidId });
    const retry = await bid(stack, world, ann!, 3, { clientBidId });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);

    // A refused first answer stays the answer, even once the same amount would be fine.
    const refusedId = randomUUID();
    expect((await bid(stack, world, bob!, 3, { clientBidId: refusedId })).body.code).toBe('BID_TOO_LOW');
    expect((await bid(stack, world, bob!, 9, { clientBidId: refusedId })).body.code).toBe('BID_TOO_LOW');

    // A retry racing its original: ten copies at once, one bid.
    const racedId = randomUUID();
    const answers = await Promise.all(Array.from({ length: 10 }, () => bid(stack, world, bob!, 7, { clientBidId: racedId })));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);

    // Any text is a clientBidId, stored and matched exactly.
    const oddId = `it's \\ a "bid"; --`;
    const odd = await bid(stack, world, ann!, 8, { clientBidId: oddId });
    expect(odd.body).toMatchObject({ clientBidId: oddId, amount: 8 });
    expect((await bid(stack, world, ann!, 8, { clientBidId: oddId })).body).toEqual(odd.body);

    const history = await stack.api.get(`/api/auctions/${world.auction.id}/bids`, { token: ann!.token });
    expect(history.body.items.map((b: { amount: number }) => b.amount)).toEqual([8, 7, 3]);
    expect((await snapshot(stack, world)).seq).toBe(4);
    await expectAuctionInvariants(stack.database.url, world.auction.id);
  });

  it('accepts exactly one of many equal bids sent at once, for every amount', async () => {
    const world = await startedAuction(stack, { managers: 20, settings: { budget: 1000 } });
    for (const amount of [5, 6, 10]) {
      const answers = await Promise.all(world.managers.map((user) => bid(stack, world, user, amount)));
      const accepted = answers.filter((a) => a.status === 201);
      expect(accepted).toHaveLength(1);
      expect(answers.filter((a) => a.status !== 201).map((a) => a.body.code)).toEqual(Array(19).fill('BID_TOO_LOW'));
    }
    const state = await expectAuctionInvariants(stack.database.url, world.auction.id);
    expect(state.bids.map((b) => b.amount)).toEqual([5, 6, 10]);
  });

  it('answers a final refusal while a control holds the auction lock', async () => {
    const world = await startedAuction(stack, { managers: 2 });
    const [leader, low] = world.managers as [TestUser, TestUser];
    expect((await bid(stack, world, leader, 5)).status).toBe(201);
    // The lot's row held here keeps the pause's transaction open after it took the auction lock.
    const rowHolder = new pg.Client({ connectionString: stack.database.url });
    await rowHolder.connect();
    try {
      await rowHolder.query('begin');
      await rowHolder.query('select 1 from auction.lots where id = $1 for update', [world.auction.currentLot!.id]);
      const pausing = stack.api.post(`/api/auctions/${world.auction.id}/pause`, undefined, { token: world.commissioner.token });
      const waiting = `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
      await expect.poll(async () => (await rowHolder.query(waiting)).rows[0].n).toBe(1);
      expect((await bid(stack, world, low, 5)).body.code).toBe('BID_TOO_LOW');
      await rowHolder.query('rollback');
      expect((await pausing).status).toBe(200);
    } finally {
      await rowHolder.end();
    }
  });

  it('pages bid history newest first', async () => {
    const world = await startedAuction(stack);
    const [ann, bob] = world.managers;
    for (let amount = 1; amount <= 5; amount++) await bid(stack, world, amount % 2 ? ann! : bob!, amount);
    const first = await stack.api.get(`/api/auctions/${world.auction.id}/bids?limit=2`, { token: bob!.token });
    expect(first.body.items.map((b: { amount: number }) => b.amount)).toEqual([5, 4]);
    const second = await stack.api.get(`/api/auctions/${world.auction.id}/bids?limit=2&cursor=${first.body.nextCursor}`, {
      token: bob!.token,
    });
    expect(second.body.items.map((b: { amount: number }) => b.amount)).toEqual([3, 2]);
    const outsider = await stack.api.get(`/api/auctions/${world.auction.id}/bids`, { token: testUser('outsider').token });
    expect(outsider.status).toBe(403);
  });

  it('shows the snapshot to members only and 404s an unknown auction', async () => {
    const world = await startedAuction(stack);
    expect((await stack.api.get(`/api/auctions/${world.auction.id}`, { token: testUser('x').token })).body.code).toBe('NOT_A_MEMBER');
    expect((await stack.api.get(`/api/auctions/${randomUUID()}`, { token: world.commissioner.token })).status).toBe(404);
    expect((await stack.api.get(`/api/auctions/not-a-uuid`, { token: world.commissioner.token })).status).toBe(404);
    expect((await stack.api.get(`/api/auctions/${world.auction.id}`)).status).toBe(401);
  });

  it('serves its OpenAPI document', async () => {
    const doc = await stack.api.get('/api/auctions/docs-json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/auctions', '/api/auctions/{id}/bids']));
  });
});

describe('bid rate limit', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await auctionStack({ env: { RATE_LIMITS: 'on' } });
  });
  afterAll(async () => {
    await stack.close();
  });

  it('refuses the 11th bid within a second with 429 and Retry-After', async () => {
    const world = await startedAuction(stack, { settings: { budget: 1000 } });
    const [ann] = world.managers;
    const answers = [];
    for (let amount = 1; amount <= 11; amount++) answers.push(await bid(stack, world, ann!, amount));
    expect(answers.slice(0, 10).every((a) => a.status === 201)).toBe(true);
    expect(answers[10]!.status).toBe(429);
    expect(answers[10]!.body.code).toBe('RATE_LIMITED');
    expect(answers[10]!.headers.get('retry-after')).toBe('1');
  });

  it('shares the limit between HTTP and the socket', async () => {
    const world = await startedAuction(stack, { settings: { budget: 1000 } });
    const [bob] = world.managers;
    for (let amount = 1; amount <= 5; amount++) expect((await bid(stack, world, bob!, amount)).status).toBe(201);
    const socket = await connectSocket(stack.url, bob!.token);
    try {
      const acks = [];
      for (let amount = 6; amount <= 11; amount++) {
        acks.push(
          await socket.timeout(5000).emitWithAck('bid:place', {
            auctionId: world.auction.id,
            lotId: world.auction.currentLot!.id,
            amount,
            clientBidId: randomUUID(),
          }),
        );
      }
      expect(acks.slice(0, 5).every((ack) => ack.ok)).toBe(true);
      expect(acks[5]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    } finally {
      socket.close();
    }
  });
});
