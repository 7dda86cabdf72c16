import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, testUser, type ApiResponse, type TestStack } from '@auction/testing';
import { ALL_SERVICES } from '../../apps/standalone/src/services.js';
import { startedAuction, type World } from '../integration/auction/support/world.js';

/** Issue 14 item 10: JSON routes refuse a body that is not application/json; CSV routes keep requiring text/csv. */
describe('content types', () => {
  let stack: TestStack;
  let world: World;

  beforeAll(async () => {
    stack = await startTestStack({ services: ALL_SERVICES });
    world = await startedAuction(stack, { managers: 1, assets: 2 });
  });
  afterAll(async () => {
    await stack.close();
  });

  function expect415(answer: ApiResponse): void {
    expect({ status: answer.status, code: answer.body?.code }, JSON.stringify(answer.body)).toEqual({
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
  }

  const leagueJson = JSON.stringify({ name: 'Sent as text', sport: 'football' });
  const leagueCount = async () => Number((await stack.runtime.database.pool.query('select count(*) from leagues.leagues')).rows[0].count);

  it.each([
    ['text/plain', leagueJson],
    ['text/csv', 'name,sport\nx,football\n'],
    ['application/x-www-form-urlencoded', 'name=Form&sport=football'],
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nForm\r\n--x--\r\n'],
    ['application/xml', '<league/>'],
  ])('refuses a league sent as %s and creates nothing', async (contentType, body) => {
    const before = await leagueCount();
    const answer = await stack.api.post('/api/leagues', undefined, { token: testUser().token, raw: { contentType, body } });
    expect415(answer);
    expect(await leagueCount()).toBe(before);
  });

  it('refuses a body without any content type', async () => {
    const response = await fetch(`${stack.url}/api/auth/magic-link`, {
      method: 'POST',
      body: new TextEncoder().encode('{"email":"a@club.test"}'),
    });
    expect(response.status).toBe(415);
    expect(((await response.json()) as { code: string }).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a non-JSON body on a route that reads no body, and changes nothing', async () => {
    const answer = await stack.api.post(`/api/auctions/${world.auction.id}/pause`, undefined, {
      token: world.commissioner.token,
      raw: { contentType: 'text/plain', body: 'pause please' },
    });
    expect415(answer);
    expect((await stack.api.get(`/api/auctions/${world.auction.id}`, { token: world.commissioner.token })).body.status).toBe('live');
  });

  it('accepts JSON with a charset and bodiless control calls', async () => {
    const created = await stack.api.post('/api/leagues', undefined, {
      token: testUser().token,
      raw: { contentType: 'application/json; charset=utf-8', body: leagueJson },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const paused = await stack.api.post(`/api/auctions/${world.auction.id}/pause`, undefined, { token: world.commissioner.token });
    expect(paused.status, JSON.stringify(paused.body)).toBe(200);
  });

  it('keeps requiring text/csv on CSV routes', async () => {
    const path = `/api/scoring/leagues/${world.leagueId}/fixtures`;
    const token = world.commissioner.token;
    expect415(await stack.api.post(path, { csv: 'externalMatchId' }, { token }));
    const csv = 'externalMatchId,startsAt,homeTeam,awayTeam,competition\nM1,2026-08-15T14:00:00Z,Arsenal,Chelsea,EPL\n';
    const imported = await stack.api.post(path, undefined, { token, raw: { contentType: 'text/csv', body: csv } });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
  });
});
