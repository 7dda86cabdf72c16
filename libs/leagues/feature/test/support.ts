import { expect } from 'vitest';
import { signServiceToken } from '@auction/auth-guard';
import type { CreateLeagueRequest, League } from '@auction/contracts';
import { TEST_JWT_SECRET, testUser, type ApiResponse, type TestStack, type TestUser } from '@auction/testing';

/** A token other services present to `/internal` routes. */
export function serviceToken(service = 'auction-engine'): string {
  return signServiceToken(TEST_JWT_SECRET, service);
}

/** Creates a league as `commissioner` (football, defaults unless overridden) and returns it with its invite token. */
export async function createLeague(
  stack: TestStack,
  commissioner: TestUser,
  overrides: Partial<CreateLeagueRequest> = {},
): Promise<League & { inviteToken: string }> {
  const answer = await stack.api.post(
    '/api/leagues',
    { name: 'Clubhouse League', sport: 'football', ...overrides },
    { token: commissioner.token },
  );
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

export async function join(stack: TestStack, user: TestUser, inviteToken: string): Promise<ApiResponse> {
  return stack.api.post('/api/leagues/join', { inviteToken }, { token: user.token });
}

/** A league with a commissioner and `managers` more members who joined with the invite token. */
export async function leagueWithMembers(
  stack: TestStack,
  managers: number,
  overrides: Partial<CreateLeagueRequest> = {},
): Promise<{ league: League & { inviteToken: string }; commissioner: TestUser; members: TestUser[] }> {
  const commissioner = testUser('commissioner');
  const league = await createLeague(stack, commissioner, overrides);
  const members: TestUser[] = [];
  for (let i = 0; i < managers; i++) {
    const member = testUser(`manager${i + 1}`);
    const answer = await join(stack, member, league.inviteToken);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    members.push(member);
  }
  return { league, commissioner, members };
}

export function startAuction(stack: TestStack, leagueId: string, userId: string, auctionId: string): Promise<ApiResponse> {
  return stack.api.post(`/internal/leagues/${leagueId}/start-auction`, { userId, auctionId }, { token: serviceToken() });
}

/** Rows of a query on the stack's own database (to check what was stored, not what was answered). */
export async function sqlRows<T = Record<string, unknown>>(stack: TestStack, text: string, values: unknown[] = []): Promise<T[]> {
  const result = await stack.runtime.database.pool.query(text, values);
  return result.rows as T[];
}

export function expectProblem(answer: ApiResponse, status: number, code: string): void {
  expect({ status: answer.status, code: answer.body?.code }, JSON.stringify(answer.body)).toEqual({ status, code });
  expect(answer.headers.get('content-type')).toContain('application/problem+json');
}
