import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drizzle } from 'drizzle-orm/node-postgres';
import { CATALOGUE_ASSETS } from '@auction/leagues-domain';
import { leaguesService, seedCatalogue } from '@auction/leagues';
import { startTestStack, testUser, type TestStack } from '@auction/testing';
import { expectProblem, sqlRows } from './support.js';

describe('sports and the asset catalogue', () => {
  let stack: TestStack;
  const user = testUser('browser');

  beforeAll(async () => {
    stack = await startTestStack({ services: [leaguesService] });
  });
  afterAll(() => stack.close());

  async function allPages(query: string, limit: number): Promise<Array<{ id: string; name: string }>> {
    const seen: Array<{ id: string; name: string }> = [];
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const path: string = `/api/assets?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const answer = await stack.api.get(path, { token: user.token });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body.items.length).toBeLessThanOrEqual(limit);
      seen.push(...answer.body.items);
      cursor = answer.body.nextCursor;
      if (!cursor) return seen;
    }
    throw new Error('pagination never ended');
  }

  it('lists every sport with its own words and default settings, to anyone', async () => {
    const answer = await stack.api.get('/api/sports');
    expect(answer.status).toBe(200);
    const byKey = Object.fromEntries(answer.body.items.map((sport: { key: string }) => [sport.key, sport]));
    expect(Object.keys(byKey)).toEqual(['football', 'cricket']);
    expect(byKey.football).toMatchObject({
      name: 'Football',
      words: { asset: 'Club', assets: 'Clubs' },
      defaults: {
        budget: 500,
        rosterSize: 3,
        openingBid: 1,
        minIncrement: 1,
        bidTimerSeconds: 30,
        antiSnipeSeconds: 10,
        lotGapSeconds: 3,
        leadInSeconds: 10,
        scoringRules: { win: 3, draw: 1, goal: 1 },
      },
    });
    expect(byKey.football.competitions.map((c: { key: string }) => c.key)).toEqual(['EPL', 'UCL']);
    expect(byKey.cricket).toMatchObject({
      words: { asset: 'Player', assets: 'Players' },
      defaults: { rosterSize: 11, scoringRules: { run: 1, wicket: 20, catch: 10, stumping: 25, runOut: 20 } },
    });
  });

  it('asks for a signed-in user before listing assets', async () => {
    expectProblem(await stack.api.get('/api/assets?sport=football'), 401, 'UNAUTHORIZED');
  });

  it('pages through a sport with a keyset cursor: every asset exactly once, in name order', async () => {
    const expected = CATALOGUE_ASSETS.filter((asset) => asset.sport === 'football').map((asset) => asset.id);
    const seen = await allPages('sport=football', 7);
    expect(seen.map((asset) => asset.id).sort()).toEqual([...expected].sort());
    const single = await stack.api.get('/api/assets?sport=football&limit=200', { token: user.token });
    expect(single.body.nextCursor).toBeNull();
    expect(seen.map((asset) => asset.id)).toEqual(single.body.items.map((asset: { id: string }) => asset.id));
    const [first] = single.body.items;
    expect(first).toEqual(expect.objectContaining({ sport: 'football', externalId: expect.any(String), competitions: expect.any(Array) }));
  });

  it('without a sport, lists the assets of every enabled sport', async () => {
    const seen = await allPages('q=', 50);
    expect(seen).toHaveLength(CATALOGUE_ASSETS.length);
  });

  it('filters by competition and searches name and short name case-insensitively', async () => {
    const epl = await allPages('sport=football&competition=EPL', 50);
    expect(epl).toHaveLength(20);
    expect(epl.every((asset) => (asset as unknown as { competitions: string[] }).competitions.includes('EPL'))).toBe(true);

    const byName = await stack.api.get('/api/assets?sport=football&q=mAnChEsTeR', { token: user.token });
    expect(byName.body.items.map((a: { name: string }) => a.name)).toEqual(['Manchester City', 'Manchester United']);
    const byShortName = await stack.api.get('/api/assets?sport=football&q=mci', { token: user.token });
    expect(byShortName.body.items.map((a: { name: string }) => a.name)).toEqual(['Manchester City']);
    const cricket = await stack.api.get('/api/assets?sport=cricket&q=williamson', { token: user.token });
    expect(cricket.body.items).toEqual([expect.objectContaining({ name: 'Kane Williamson', team: 'New Zealand', role: 'Batter' })]);
    // Wildcards in a search are plain characters.
    const wildcard = await stack.api.get('/api/assets?q=%25', { token: user.token });
    expect(wildcard.body).toEqual({ items: [], nextCursor: null });
  });

  it.each([
    ['an unknown parameter', 'sport=football&page=2'],
    ['a limit of 0', 'limit=0'],
    ['a limit of 1,000', 'limit=1000'],
    ['an unknown sport', 'sport=curling'],
    ['a forged cursor', 'cursor=bm90LWEtY3Vyc29y'],
  ])('refuses %s with 422 VALIDATION_FAILED', async (_, query) => {
    expectProblem(await stack.api.get(`/api/assets?${query}`, { token: user.token }), 422, 'VALIDATION_FAILED');
  });

  it('seeds the catalogue idempotently', async () => {
    const db = drizzle(stack.runtime.database.pool);
    await seedCatalogue(db);
    await seedCatalogue(db);
    const [row] = await sqlRows<{ n: number }>(stack, 'select count(*)::int as n from leagues.assets');
    expect(row!.n).toBe(CATALOGUE_ASSETS.length);
  });
});

describe('sports switched off by configuration', () => {
  let stack: TestStack;
  const user = testUser('footballer');

  beforeAll(async () => {
    stack = await startTestStack({ services: [leaguesService], env: { SPORTS_ENABLED: 'football' } });
  });
  afterAll(() => stack.close());

  it('are neither offered, listed nor playable', async () => {
    const sports = await stack.api.get('/api/sports');
    expect(sports.body.items.map((sport: { key: string }) => sport.key)).toEqual(['football']);

    expectProblem(await stack.api.get('/api/assets?sport=cricket', { token: user.token }), 422, 'SPORT_DISABLED');
    const all = await stack.api.get('/api/assets?limit=200', { token: user.token });
    expect(all.body.items.length).toBeGreaterThan(0);
    expect(all.body.items.every((asset: { sport: string }) => asset.sport === 'football')).toBe(true);

    const create = await stack.api.post('/api/leagues', { name: 'Summer XI', sport: 'cricket' }, { token: user.token });
    expectProblem(create, 422, 'SPORT_DISABLED');
    const stored = await sqlRows(stack, 'select 1 from leagues.leagues where commissioner_id = $1', [user.id]);
    expect(stored).toHaveLength(0);
  });
});
