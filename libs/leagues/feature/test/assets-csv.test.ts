import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetIdFor } from '@auction/leagues-domain';
import { leaguesService } from '@auction/leagues';
import { startTestStack, testUser, type TestStack } from '@auction/testing';
import { expectProblem, leagueWithMembers } from './support.js';

describe('GET /api/leagues/:id/assets.csv and catalogue ranks', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ services: [leaguesService] });
  });
  afterAll(() => stack.close());

  it('gives members the pool in lot order with ids, external ids, names, ranks and the sport’s columns', async () => {
    const pool = ['nz-kane-williamson', 'eng-joe-root'].map((id) => assetIdFor('cricket', id));
    const { league, members } = await leagueWithMembers(stack, 1, { sport: 'cricket', assetIds: pool, nominationOrder: 'fixed' });
    const answer = await stack.api.get(`/api/leagues/${league.id}/assets.csv`, { token: members[0]!.token });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(String(answer.body).split('\r\n')).toEqual([
      'assetId,externalId,name,rank,team,role,registryId',
      `${pool[0]},nz-kane-williamson,Kane Williamson,2,New Zealand,Batter,`,
      `${pool[1]},eng-joe-root,Joe Root,1,England,Batter,`,
      '',
    ]);
  });

  it('is for members only', async () => {
    const { league } = await leagueWithMembers(stack, 0);
    expectProblem(await stack.api.get(`/api/leagues/${league.id}/assets.csv`, { token: testUser('stranger').token }), 403, 'NOT_A_MEMBER');
  });

  it('serves each asset’s rank and aliases in the catalogue API', async () => {
    const answer = await stack.api.get('/api/assets?sport=football&q=Manchester United', { token: testUser('browser').token });
    expect(answer.body.items).toEqual([
      expect.objectContaining({ name: 'Manchester United', rank: 15, aliases: ['Man United', 'Man Utd'], registryId: null }),
    ]);
  });
});
