import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, testUser, type TestStack, type TestUser } from '@auction/testing';
import { expectAuctionInvariants } from './support/invariants.js';
import { auctionStack, bid, createLeague, scheduleAuction, startedAuction, type World } from './support/world.js';

describe('queues: GET / PUT /api/auctions/:id/queue', () => {
  const clock = new ManualClock(new Date('2026-03-01T19:00:00.000Z'));
  let stack: TestStack;

  beforeAll(async () => {
    stack = await auctionStack({ clock });
  });
  afterAll(() => stack.close());

  const queueOf = (world: World, user: TestUser) => stack.api.get(`/api/auctions/${world.auction.id}/queue`, { token: user.token });
  const putQueue = (world: World, user: TestUser, assetIds: unknown) =>
    stack.api.request<any>('PUT', `/api/auctions/${world.auction.id}/queue`, { assetIds }, { token: user.token });

  it('keeps a manager’s queue from the moment a scheduled auction exists, private to them, with when each asset comes up', async () => {
    const league = await createLeague(stack, { assets: 4 });
    const world = await scheduleAuction(stack, league, new Date(clock.now().getTime() + 60 * 60_000));
    const [ann, bob] = world.managers;
    const [first, second, third, fourth] = world.assets.map((asset) => asset.id);

    const stored = await putQueue(world, ann!, [fourth, second]);
    expect(stored.status, JSON.stringify(stored.body)).toBe(200);
    expect(stored.body).toEqual({
      assetIds: [fourth, second],
      watchlist: [
        { assetId: fourth, lotsBefore: 3 },
        { assetId: second, lotsBefore: 1 },
      ],
    });
    expect((await queueOf(world, ann!)).body.assetIds).toEqual([fourth, second]);
    expect((await queueOf(world, bob!)).body).toEqual({ assetIds: [], watchlist: [] });

    expect((await putQueue(world, ann!, [third, first])).body.assetIds).toEqual([third, first]);
    expect((await queueOf(world, ann!)).body.assetIds).toEqual([third, first]);
  });

  it('refuses ids outside the pool and duplicates with 422 naming each, leaving the stored queue as it was', async () => {
    const world = await startedAuction(stack, { assets: 3 });
    const [ann] = world.managers;
    const [first, second] = world.assets.map((asset) => asset.id);
    await putQueue(world, ann!, [second]);
    const outside = await putQueue(world, ann!, [first, '00000000-0000-4000-8000-000000000000', first]);
    expect(outside.status).toBe(422);
    expect(outside.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [
        { path: 'assetIds.1', message: expect.any(String) },
        { path: 'assetIds.2', message: expect.any(String) },
      ],
    });
    expect((await putQueue(world, ann!, ['arsenal'])).body.code).toBe('VALIDATION_FAILED');
    expect((await queueOf(world, ann!)).body.assetIds).toEqual([second]);
  });

  it('answers nobody outside the league, refuses changes once the auction completed, and the watchlist follows the lots', async () => {
    const world = await startedAuction(stack, { assets: 3, settings: { bidTimerSeconds: 30 } });
    const [ann] = world.managers;
    const [first, second] = world.assets.map((asset) => asset.id);
    expect((await queueOf(world, testUser('outsider'))).body.code).toBe('NOT_A_MEMBER');
    expect((await putQueue(world, testUser('outsider'), [first])).body.code).toBe('NOT_A_MEMBER');

    const queue = await putQueue(world, ann!, [first, second]);
    expect(queue.body.watchlist).toEqual([
      { assetId: first, lotsBefore: null },
      { assetId: second, lotsBefore: 0 },
    ]);
    expect((await bid(stack, world, ann!, 1)).status).toBe(201);
    const ended = await stack.api.post(`/api/auctions/${world.auction.id}/end`, {}, { token: world.commissioner.token });
    expect(ended.body.status).toBe('completed');
    expect((await putQueue(world, ann!, [second])).body.code).toBe('AUCTION_COMPLETED');
    expect((await queueOf(world, ann!)).body.assetIds).toEqual([first, second]);
    await expectAuctionInvariants(stack.database.url, world.auction.id);
  });
});
