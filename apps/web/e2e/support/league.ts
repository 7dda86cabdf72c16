import { expect } from 'vitest';
import type { RunningApp } from './app.js';

/** Asset ids of football clubs by external id, from the catalogue API. */
export async function clubIds(app: RunningApp, token: string, externalIds: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const externalId of externalIds) {
    const page = await app.api.get(
      `/api/assets?sport=football&q=${encodeURIComponent(externalId.split('-').slice(1).join(' '))}&limit=50`,
      {
        token,
      },
    );
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    const asset = page.body.items.find((a: { externalId: string }) => a.externalId === externalId);
    expect(asset, `${externalId} in the catalogue`).toBeTruthy();
    ids.push(asset.id);
  }
  return ids;
}

/** Creates a league over HTTP, as the create form would, and returns the league answer. */
export async function createLeague(
  app: RunningApp,
  token: string,
  body: Record<string, unknown>,
): Promise<{ id: string; inviteToken: string }> {
  const answer = await app.api.post('/api/leagues', body, { token });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  expect(answer.body.inviteToken).toEqual(expect.any(String));
  return answer.body;
}

/** Settings under which the first lot opens at once and stays open for ten minutes: nothing closes while a test looks. */
export const LOT_STAYS_OPEN = {
  openingBid: 1,
  minIncrement: 1,
  bidTimerSeconds: 600,
  antiSnipeSeconds: 10,
  lotGapSeconds: 0,
  leadInSeconds: 0,
};

/**
 * A football league of these clubs (catalogue external ids): fixed order, Premier League, £100m
 * budgets unless `settings` says otherwise.
 */
export async function createClubLeague(
  app: RunningApp,
  token: string,
  clubs: string[],
  settings: Record<string, unknown>,
): Promise<{ id: string; inviteToken: string }> {
  const assetIds = await clubIds(app, token, clubs);
  return createLeague(app, token, { sport: 'football', competition: 'EPL', nominationOrder: 'fixed', budget: 100, assetIds, ...settings });
}

/** Each user joins the league with its invite token, as the invite page does. */
export async function joinLeague(app: RunningApp, inviteToken: string, ...users: Array<{ token: string }>): Promise<void> {
  for (const user of users) {
    const answer = await app.api.post('/api/leagues/join', { inviteToken }, { token: user.token });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  }
}

export async function startAuction(app: RunningApp, token: string, leagueId: string): Promise<{ id: string }> {
  const answer = await app.api.post('/api/auctions', { leagueId }, { token });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}
