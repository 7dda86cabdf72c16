import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaguesService } from '@auction/leagues';
import { scoringService } from '@auction/scoring';
import { startTestStack, type TestStack } from '@auction/testing';
import { leagueWithMembers } from '../../../libs/leagues/feature/test/support.js';

/** The real leagues ↔ scoring contract: scoring reads the league through leagues, leagues reads standings from scoring. */
describe('my competitions with the real scoring service', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ services: [leaguesService, scoringService] });
  });
  afterAll(() => stack.close());

  it('shows the next fixture the commissioner imported, and no rank before the auction', async () => {
    const { league, commissioner, members } = await leagueWithMembers(stack, 1);
    const year = new Date().getUTCFullYear() + 1;
    const csv = [
      'externalMatchId,startsAt,homeTeam,awayTeam,competition',
      `later,${year}-03-01T15:00:00Z,Chelsea,Arsenal,EPL`,
      `sooner,${year}-02-01T15:00:00Z,ARS,CHE,EPL`,
    ].join('\n');
    const imported = await stack.api.post(`/api/scoring/leagues/${league.id}/fixtures`, undefined, {
      token: commissioner.token,
      raw: { contentType: 'text/csv', body: csv },
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);

    const answer = await stack.api.get('/api/me/competitions', { token: members[0]!.token });
    expect(answer.status).toBe(200);
    expect(answer.body.items).toEqual([
      expect.objectContaining({
        leagueId: league.id,
        role: 'manager',
        managers: 2,
        rank: null,
        points: null,
        nextFixture: expect.objectContaining({ externalMatchId: 'sooner', startsAt: `${year}-02-01T15:00:00.000Z` }),
      }),
    ]);
  });
});
