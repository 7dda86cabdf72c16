import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServerHandle } from '@auction/cluster';
import pg from 'pg';
import type { AuctionCompletedEvent } from '@auction/contracts';
import { EventBus } from '@auction/realtime';
import { ManualClock, waitFor, type TestStack } from '@auction/testing';
import { auctionStack, bid, startedAuction } from './support/world.js';

/** Completion is published after the commit; if Redis is away then, the closer loop publishes it later. */
describe('auction.completed while Redis is down at the moment of completion', () => {
  const clock = new ManualClock(new Date('2026-03-01T19:00:00.000Z'));
  const received: AuctionCompletedEvent[] = [];
  const listeners = new Set<(event: AuctionCompletedEvent) => void>();
  let redis: RedisServerHandle;
  let stack: TestStack;

  beforeAll(async () => {
    redis = await startRedisServer();
    stack = await auctionStack({ clock, env: { REDIS_URL: redis.url } });
    stack.app.get(EventBus, { strict: false }).subscribe('auction.completed', 'outbox-test', async (event) => {
      received.push(event);
      for (const listener of listeners) listener(event);
    });
  });
  afterAll(async () => {
    await stack.close();
    await redis.stop();
  });

  async function publicationOf(auctionId: string): Promise<{ status: string; published: boolean }> {
    const client = new pg.Client({ connectionString: stack.database.url });
    await client.connect();
    const { rows } = await client.query('select status, completion_published_at from auction.auctions where id = $1', [auctionId]);
    await client.end();
    return { status: rows[0].status, published: rows[0].completion_published_at !== null };
  }

  it('is delivered once Redis is back, with the rosters', async () => {
    const world = await startedAuction(stack, {
      managers: 1,
      assets: 1,
      settings: { rosterSize: 1, bidTimerSeconds: 30, antiSnipeSeconds: 0 },
    });
    const [winner] = world.managers;
    expect((await bid(stack, world, winner!, 7)).status).toBe(201);

    await redis.stop();
    clock.advance(30_000);
    await expect.poll(() => publicationOf(world.auction.id), { timeout: 10_000 }).toEqual({ status: 'completed', published: false });
    expect(received.some((e) => e.auctionId === world.auction.id)).toBe(false);

    await redis.restart();
    const delivered = waitFor<AuctionCompletedEvent>(
      (listener) => (listeners.add(listener), () => listeners.delete(listener)),
      (event) => event.auctionId === world.auction.id,
      20_000,
      'auction.completed',
    );
    clock.advance(11_000);
    const event = await delivered;
    expect(event.managers.find((m) => m.userId === winner!.id)?.roster).toEqual([
      expect.objectContaining({ assetId: world.assets[0]!.id, price: 7 }),
    ]);
    expect((await publicationOf(world.auction.id)).published).toBe(true);
  });
});
