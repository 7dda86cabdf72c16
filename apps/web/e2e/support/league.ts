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

export async function startAuction(app: RunningApp, token: string, leagueId: string): Promise<{ id: string }> {
  const answer = await app.api.post('/api/auctions', { leagueId }, { token });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}
