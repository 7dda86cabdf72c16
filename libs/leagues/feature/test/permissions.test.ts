import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaguesService } from '@auction/leagues';
import { startTestStack, testUser, type ApiResponse, type TestStack, type TestUser } from '@auction/testing';
import { expectProblem, leagueWithMembers, serviceToken } from './support.js';

type Who = 'anonymous' | 'stranger' | 'member' | 'commissioner';

interface Fixture {
  leagueId: string;
  users: Record<Exclude<Who, 'anonymous'>, TestUser>;
  /** Another manager, the target of removals. */
  target: TestUser;
}

interface Route {
  name: string;
  call(stack: TestStack, fixture: Fixture, token: string | undefined): Promise<ApiResponse>;
  expected: Record<Who, [number, string?]>;
}

const csv = (body: string) => ({ raw: { contentType: 'text/csv', body } });

/** Every public route, and what each kind of caller gets. */
const ROUTES: Route[] = [
  {
    name: 'GET /api/sports',
    call: (stack, _, token) => stack.api.get('/api/sports', { token }),
    expected: { anonymous: [200], stranger: [200], member: [200], commissioner: [200] },
  },
  {
    name: 'GET /api/assets',
    call: (stack, _, token) => stack.api.get('/api/assets?sport=football', { token }),
    expected: { anonymous: [401, 'UNAUTHORIZED'], stranger: [200], member: [200], commissioner: [200] },
  },
  {
    name: 'POST /api/leagues',
    call: (stack, _, token) => stack.api.post('/api/leagues', { name: 'Another', sport: 'football' }, { token }),
    expected: { anonymous: [401, 'UNAUTHORIZED'], stranger: [201], member: [201], commissioner: [201] },
  },
  {
    name: 'GET /api/leagues/:id',
    call: (stack, f, token) => stack.api.get(`/api/leagues/${f.leagueId}`, { token }),
    expected: { anonymous: [401, 'UNAUTHORIZED'], stranger: [403, 'NOT_A_MEMBER'], member: [200], commissioner: [200] },
  },
  {
    name: 'PATCH /api/leagues/:id',
    call: (stack, f, token) => stack.api.patch(`/api/leagues/${f.leagueId}`, { budget: 400 }, { token }),
    expected: { anonymous: [401, 'UNAUTHORIZED'], stranger: [403, 'NOT_A_MEMBER'], member: [403, 'NOT_COMMISSIONER'], commissioner: [200] },
  },
  {
    name: 'POST /api/leagues/join',
    call: (stack, _, token) => stack.api.post('/api/leagues/join', { inviteToken: 'y'.repeat(32) }, { token }),
    expected: {
      anonymous: [401, 'UNAUTHORIZED'],
      stranger: [404, 'NOT_FOUND'],
      member: [404, 'NOT_FOUND'],
      commissioner: [404, 'NOT_FOUND'],
    },
  },
  {
    name: 'DELETE /api/leagues/:id/members/:userId',
    call: (stack, f, token) => stack.api.delete(`/api/leagues/${f.leagueId}/members/${f.target.id}`, { token }),
    expected: { anonymous: [401, 'UNAUTHORIZED'], stranger: [403, 'NOT_A_MEMBER'], member: [403, 'NOT_COMMISSIONER'], commissioner: [204] },
  },
  {
    name: 'POST /api/leagues/:id/invite-token',
    call: (stack, f, token) => stack.api.post(`/api/leagues/${f.leagueId}/invite-token`, undefined, { token }),
    expected: { anonymous: [401, 'UNAUTHORIZED'], stranger: [403, 'NOT_A_MEMBER'], member: [403, 'NOT_COMMISSIONER'], commissioner: [200] },
  },
  {
    // The commissioner gets past the permission check to the CSV check (mail needs auth, tested in invitations.test.ts).
    name: 'POST /api/leagues/:id/invitations',
    call: (stack, f, token) =>
      stack.api.post(`/api/leagues/${f.leagueId}/invitations`, undefined, { token, ...csv('email\nnot-an-email\n') }),
    expected: {
      anonymous: [401, 'UNAUTHORIZED'],
      stranger: [403, 'NOT_A_MEMBER'],
      member: [403, 'NOT_COMMISSIONER'],
      commissioner: [422, 'CSV_INVALID'],
    },
  },
  {
    name: 'GET /api/me/competitions',
    call: (stack, _, token) => stack.api.get('/api/me/competitions', { token }),
    expected: { anonymous: [401, 'UNAUTHORIZED'], stranger: [200], member: [200], commissioner: [200] },
  },
];

const CASES = ROUTES.flatMap((route) =>
  (['anonymous', 'stranger', 'member', 'commissioner'] as const).map((who) => [route.name, who, route] as const),
);

describe('who may call which leagues route', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ services: [leaguesService] });
  });
  afterAll(() => stack.close());

  async function fixture(): Promise<Fixture> {
    const { league, commissioner, members } = await leagueWithMembers(stack, 2);
    return { leagueId: league.id, users: { stranger: testUser('stranger'), member: members[0]!, commissioner }, target: members[1]! };
  }

  it.each(CASES)('%s as %s', async (_, who, route) => {
    const f = await fixture();
    const token = who === 'anonymous' ? undefined : f.users[who].token;
    const answer = await route.call(stack, f, token);
    const [status, code] = route.expected[who];
    if (code) expectProblem(answer, status, code);
    else expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  });

  it('shows the invite token to the commissioner only', async () => {
    const f = await fixture();
    const asMember = await stack.api.get(`/api/leagues/${f.leagueId}`, { token: f.users.member.token });
    const asCommissioner = await stack.api.get(`/api/leagues/${f.leagueId}`, { token: f.users.commissioner.token });
    expect(asMember.body.inviteToken).toBeUndefined();
    expect(asCommissioner.body.inviteToken).toEqual(expect.any(String));
    const patched = await stack.api.patch(`/api/leagues/${f.leagueId}`, { budget: 450 }, { token: f.users.commissioner.token });
    expect(patched.body.inviteToken).toBe(asCommissioner.body.inviteToken);
  });

  it.each([
    ['GET', '/api/leagues/nope'],
    ['PATCH', '/api/leagues/nope'],
    ['POST', '/api/leagues/nope/invite-token'],
    ['DELETE', '/api/leagues/nope/members/also-nope'],
    ['DELETE', '/api/leagues/3f1d8a52-0c6e-4b7a-9d2f-5e8c1b4a7d90/members/also-nope'],
    ['GET', '/internal/leagues/nope/scoring-context'],
    ['GET', '/internal/leagues/nope/members/also-nope'],
  ])('answers a malformed id in %s %s with 404 NOT_FOUND', async (method, path) => {
    const token = path.startsWith('/internal') ? serviceToken() : testUser().token;
    expectProblem(await stack.api.request(method, path, method === 'PATCH' ? { budget: 400 } : undefined, { token }), 404, 'NOT_FOUND');
  });
});
