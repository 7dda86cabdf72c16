import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '@auction/realtime';
import { startTestStack, type TestStack } from '@auction/testing';
import { scoringService } from '@auction/scoring';
import { auctionOf, club, completeAuction, count, createLeague, eventually, fakeServices, rosterAssetCount } from './scoring-fakes.js';

const CATALOGUE = [club('eng-arsenal', 'Arsenal', 'ARS'), club('eng-chelsea', 'Chelsea', 'CHE'), club('eng-fulham', 'Fulham', 'FUL')];

describe('scoring in cluster mode: auction.completed through Redis Streams', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ services: [scoringService, fakeServices], redis: true });
  });
  afterAll(async () => {
    await stack.close();
  });

  it('stores the rosters once when the stream delivers the event twice', async () => {
    const league = createLeague('football', CATALOGUE, ['com', 'mem']);
    const [commissioner, member] = league.members as [(typeof league.members)[0], (typeof league.members)[0]];
    const auction = auctionOf(league, [
      { member: commissioner, spent: 20, assets: ['eng-arsenal', 'eng-chelsea'] },
      { member, spent: 3, assets: ['eng-fulham'] },
    ]);
    await completeAuction(stack, auction);
    await stack.app.get(EventBus).publish('auction.completed', auction);
    // The second copy is handled when the group has read past it: wait for the stream to be drained.
    const redis = stack.runtime.redis!;
    await eventually(async () => {
      const groups = (await redis.xinfo('GROUPS', 'events:auction.completed')) as unknown[][];
      const scoring = groups.map((fields) => Object.fromEntries(chunkPairs(fields))).find((g) => g.name === 'scoring');
      return scoring !== undefined && Number(scoring.pending) === 0 && Number(scoring.lag ?? 0) === 0;
    });
    expect(await rosterAssetCount(stack, league.id)).toBe(3);
    expect(await count(stack, 'select count(*) from scoring.league_managers where league_id = $1', [league.id])).toBe(2);
    const board = await stack.api.get(`/api/scoring/leagues/${league.id}/leaderboard`, { token: member.token });
    expect(board.body.entries.map((e: { displayName: string; spent: number }) => [e.displayName, e.spent])).toEqual([
      ['mem', 3],
      ['com', 20],
    ]);
  });
});

function chunkPairs(fields: unknown[]): Array<[string, unknown]> {
  const pairs: Array<[string, unknown]> = [];
  for (let i = 0; i + 1 < fields.length; i += 2) pairs.push([String(fields[i]), fields[i + 1]]);
  return pairs;
}
