import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, testUser, type ApiResponse, type TestStack, type TestUser } from '@auction/testing';
import { ALL_SERVICES } from '../../apps/standalone/src/services.js';
import { startedAuction, type World } from '../integration/auction/support/world.js';

/** Issue 14 item 3: hostile characters and out-of-range cursors are 422 `VALIDATION_FAILED`, never a 500. */
describe('hostile text and cursors', () => {
  let stack: TestStack;
  let world: World;
  let outsider: TestUser;

  beforeAll(async () => {
    stack = await startTestStack({ services: ALL_SERVICES });
    world = await startedAuction(stack, { managers: 1, assets: 2 });
    outsider = testUser('outsider');
  });
  afterAll(async () => {
    await stack.close();
  });

  const token = () => world.commissioner.token;
  const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  function expectRefused(answer: ApiResponse, field?: string): void {
    expect({ status: answer.status, code: answer.body?.code }, JSON.stringify(answer.body)).toEqual({
      status: 422,
      code: 'VALIDATION_FAILED',
    });
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    if (field) expect(answer.body.errors.map((e: { path?: string }) => e.path)).toContain(field);
  }

  const HOSTILE = [
    'NUL\u0000byte',
    'line\nbreak',
    'carriage\rreturn',
    'tab\there',
    'bell\u0007',
    'del\u007f',
    'c1\u0085',
    'bidi\u202ereversed',
    'lone\ud800surrogate',
  ];

  it.each(HOSTILE)('refuses %j in every kind of string field', async (bad) => {
    const long = (s: string) => `${s}${'x'.repeat(20)}`;
    expectRefused(await stack.api.patch('/api/auth/me', { displayName: bad }, { token: token() }), 'displayName');
    expectRefused(await stack.api.post('/api/auth/magic-link', { email: `a${bad}@club.test` }), 'email');
    expectRefused(await stack.api.post('/api/auth/verify-magic-link', { token: long(bad) }), 'token');
    expectRefused(await stack.api.post('/api/auth/refresh', { refreshToken: long(bad) }), 'refreshToken');
    expectRefused(await stack.api.post('/api/leagues', { name: bad, sport: 'football' }, { token: outsider.token }), 'name');
    expectRefused(
      await stack.api.post('/api/leagues', { name: 'Fine', sport: 'football', competition: bad }, { token: outsider.token }),
      'competition',
    );
    expectRefused(await stack.api.patch(`/api/leagues/${world.leagueId}`, { name: bad }, { token: token() }), 'name');
    expectRefused(await stack.api.post('/api/leagues/join', { inviteToken: long(bad) }, { token: outsider.token }), 'inviteToken');
    if (!bad.includes('\ud800')) {
      // A lone surrogate cannot travel in a URL at all; every other character can.
      expectRefused(await stack.api.get(`/api/assets?q=${encodeURIComponent(bad)}`, { token: outsider.token }), 'q');
      expectRefused(await stack.api.get(`/api/assets?competition=${encodeURIComponent(bad)}`, { token: outsider.token }), 'competition');
    }
    const lotId = world.auction.currentLot!.id;
    expectRefused(
      await stack.api.post(`/api/auctions/${world.auction.id}/bids`, { lotId, amount: 1, clientBidId: bad }, { token: token() }),
      'clientBidId',
    );
  });

  it('still accepts names in any script, with emoji and punctuation', async () => {
    const name = 'Bodø/Glimt ⚽ 東京 “Friends” — 1. FC';
    const created = await stack.api.post('/api/leagues', { name, sport: 'football' }, { token: outsider.token });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.name).toBe(name);
  });

  it('refuses bid history cursors outside the sequence column', async () => {
    for (const bad of ['99999999999', '2147483648', '-1', '1e3', 'abc', '1.5', '%00']) {
      expectRefused(await stack.api.get(`/api/auctions/${world.auction.id}/bids?cursor=${bad}`, { token: token() }), 'cursor');
    }
    const fine = await stack.api.get(`/api/auctions/${world.auction.id}/bids?cursor=2147483647`, { token: token() });
    expect(fine.status).toBe(200);
  });

  it('refuses fixture cursors with dates far outside ±10,000 years or hostile match ids', async () => {
    const fixtures = (value: string) =>
      stack.api.get(`/api/scoring/leagues/${world.leagueId}/fixtures?cursor=${value}`, { token: token() });
    for (const bad of [
      cursor(['+275760-09-13T00:00:00.000Z', 'M1']),
      cursor(['-010000-01-01T00:00:00.000Z', 'M1']),
      cursor(['+010000-01-01T00:00:00.000Z', 'M1']),
      cursor(['2026-08-15T14:00:00.000Z', 'M\u00001']),
      'not base64 !',
    ]) {
      expectRefused(await fixtures(bad), 'cursor');
    }
    expect((await fixtures(cursor(['2026-08-15T14:00:00.000Z', 'M1']))).status).toBe(200);
  });

  it('refuses asset cursors that carry hostile text', async () => {
    const bad = cursor(['Arsenal\u0000', '1c56be26-b62a-51f9-b351-929a7cb3d36b']);
    expectRefused(await stack.api.get(`/api/assets?cursor=${bad}`, { token: outsider.token }), 'cursor');
  });
});
