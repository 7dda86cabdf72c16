import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { Api, type TestUser } from '@auction/testing';
import { useTestCluster } from '../../deploy/support/test-cluster.js';
import { expectAuctionInvariants } from './support/invariants.js';
import { connectSocket, joinAuction, type ClientSocket } from './support/sockets.js';
import { createLeague, startAuction, type World } from './support/world.js';

const MANAGERS_MODE = { nominationMode: 'managers', nominationSeconds: 5, bidTimerSeconds: 30, antiSnipeSeconds: 0 } as const;

/**
 * Two auction-engine processes racing for the same turn timeouts, on real PostgreSQL and a
 * Redis of their own. Needs the build: `npx tsc -b tsconfig.build.json`.
 */
describe('managers mode across replicas: a turn that runs out is nominated once', () => {
  const running = useTestCluster({ replicas: { auth: 1, leagues: 1, 'auction-engine': 2, scoring: 1 } });
  const sockets: ClientSocket[] = [];

  afterAll(() => {
    for (const socket of sockets) socket.close();
  });

  function replicaUrl(index: number): string {
    const replica = running.cluster.replicas.find((r) => r.service === 'auction-engine' && r.index === index)!;
    return `http://127.0.0.1:${replica.port}`;
  }

  /** Every `lot:opened` a socket on that replica hears for the auction, with when it heard it. */
  async function listenOn(
    index: number,
    user: TestUser,
    world: World,
  ): Promise<Array<{ seq: number; auto: boolean | undefined; at: number }>> {
    const socket = await connectSocket(replicaUrl(index), user.token);
    sockets.push(socket);
    await joinAuction(socket, world.auction.id);
    const heard: Array<{ seq: number; auto: boolean | undefined; at: number }> = [];
    socket.on('lot:opened', (e) => e.auctionId === world.auction.id && heard.push({ seq: e.seq, auto: e.lot.auto, at: Date.now() }));
    return heard;
  }

  async function turnLots(auctionId: string): Promise<Array<{ turn: number; opened_at: Date; auto_nominated: boolean }>> {
    const client = new pg.Client({ connectionString: running.database.url });
    await client.connect();
    try {
      const rows = await client.query(
        'select turn, opened_at, auto_nominated from auction.lots where auction_id = $1 and turn is not null',
        [auctionId],
      );
      return rows.rows;
    } finally {
      await client.end();
    }
  }

  async function expectNominatedOnce(world: World, logs: Array<Array<{ at: number }>>): Promise<void> {
    const deadline = Date.parse(world.auction.nomination!.endsAt);
    await expect.poll(() => logs.every((log) => log.length > 0), { timeout: 8000, interval: 50 }).toBe(true);
    // A short bounded wait: a second nomination of the turn by the other replica would be heard by now.
    await new Promise((resolve) => setTimeout(resolve, 700));
    for (const log of logs) {
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({ auto: true });
      expect(log[0]!.at - deadline).toBeLessThan(1000);
    }
    const lots = await turnLots(world.auction.id);
    expect(lots).toHaveLength(1);
    expect(lots[0]).toMatchObject({ turn: 1, auto_nominated: true });
    expect(lots[0]!.opened_at.getTime() - deadline).toBeLessThan(1000);
    await expectAuctionInvariants(running.database.url, world.auction.id);
  }

  it('has both replicas race for the timeout and nominates the turn once', async () => {
    const world = await startAuction(running, await createLeague(running, { managers: 2, settings: MANAGERS_MODE }));
    const logs = [await listenOn(0, world.managers[0]!, world), await listenOn(1, world.managers[1]!, world)];
    await expectNominatedOnce(world, logs);
  });

  it('still nominates within a second of the timeout when a replica is killed -9 just before it', async () => {
    const world = await startAuction(
      { api: new Api(replicaUrl(0)) },
      await createLeague(running, { managers: 2, settings: MANAGERS_MODE }),
    );
    const log = await listenOn(1, world.managers[0]!, world);
    const deadline = Date.parse(world.auction.nomination!.endsAt);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now() - 300)));
    await running.cluster.kill('auction-engine', 0, 'SIGKILL');
    await expectNominatedOnce(world, [log]);
    await running.cluster.restart('auction-engine', 0);
  });
});
