import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaguesService } from '@auction/leagues';
import { startTestStack, testUser, type TestStack } from '@auction/testing';
import { createLeague, expectProblem, join } from './support.js';

describe('rate limits of the leagues service', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ services: [leaguesService], env: { RATE_LIMITS: 'on' } });
  });
  afterAll(() => stack.close());

  it('lets a user create 5 leagues per 5 minutes; refused settings do not count', async () => {
    const user = testUser('busy');
    for (let i = 0; i < 3; i++) {
      const refused = await stack.api.post('/api/leagues', { name: 'Bad', sport: 'football', budget: -1 }, { token: user.token });
      expectProblem(refused, 422, 'VALIDATION_FAILED');
    }
    for (let i = 0; i < 5; i++) await createLeague(stack, user, { name: `League ${i}` });
    const sixth = await stack.api.post('/api/leagues', { name: 'One more', sport: 'football' }, { token: user.token });
    expectProblem(sixth, 429, 'RATE_LIMITED');
    const retryAfter = Number(sixth.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(300);

    // Per user: someone else is not affected.
    await createLeague(stack, testUser('other'));
  });

  it('lets a user make 10 joins an hour; repeats of a join they already have are free and never refused', async () => {
    const leagues = [];
    for (let i = 0; i < 6; i++) {
      const host = testUser(`host${i}`);
      leagues.push(await createLeague(stack, host), await createLeague(stack, host));
    }
    const joiner = testUser('joiner');
    for (const league of leagues.slice(0, 10)) {
      expect((await join(stack, joiner, league.inviteToken)).status).toBe(200);
      expect((await join(stack, joiner, league.inviteToken)).status).toBe(200);
    }
    const eleventh = await join(stack, joiner, leagues[10]!.inviteToken);
    expectProblem(eleventh, 429, 'RATE_LIMITED');
    expect(Number(eleventh.headers.get('retry-after'))).toBeGreaterThan(0);
    // Already a member: still answered, even while limited.
    expect((await join(stack, joiner, leagues[0]!.inviteToken)).status).toBe(200);
  });

  it('counts refused joins, so guessing invite tokens is limited too', async () => {
    const guesser = testUser('guesser');
    for (let i = 0; i < 10; i++) expectProblem(await join(stack, guesser, `guess-${i}-${'x'.repeat(20)}`), 404, 'NOT_FOUND');
    const real = await createLeague(stack, testUser('host'));
    expectProblem(await join(stack, guesser, real.inviteToken), 429, 'RATE_LIMITED');
  });
});
