import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { AcceptedBid, Asset, AuctionSnapshot, CreateLeagueRequest } from '@auction/contracts';
import { auctionService } from '@auction/auction';
import { leaguesService } from '@auction/leagues';
import { startTestStack, testUser, type Api, type ApiResponse, type StackOptions, type TestStack, type TestUser } from '@auction/testing';

/** Anything with an API client: an in-process stack or a cluster behind nginx. */
export interface Target {
  api: Api;
}

/** The auction engine with the real leagues service in one process (what standalone mode hosts). */
export function auctionStack(options: Partial<StackOptions> = {}): Promise<TestStack> {
  return startTestStack({ services: [leaguesService, auctionService], ...options });
}

export type LeagueOptions = Partial<Omit<CreateLeagueRequest, 'name' | 'sport' | 'assetIds'>>;

export interface League {
  leagueId: string;
  /** The league's assets in nomination order (fixed). */
  assets: Asset[];
  commissioner: TestUser;
  managers: TestUser[];
  /** Everyone who may bid: the commissioner first, then the other managers in join order. */
  everyone: TestUser[];
}

export interface World extends League {
  auction: AuctionSnapshot;
}

/** A football league made through the leagues API, as a commissioner would, joined by `managers` more users. */
export async function createLeague(
  stack: Target,
  options: { managers?: number; assets?: number; settings?: LeagueOptions } = {},
): Promise<League> {
  const commissioner = testUser('commissioner');
  const catalogue = await stack.api.get(`/api/assets?sport=football&limit=${options.assets ?? 6}`, { token: commissioner.token });
  expect(catalogue.status).toBe(200);
  const assets: Asset[] = catalogue.body.items;
  const body: CreateLeagueRequest = {
    name: `League ${randomUUID().slice(0, 6)}`,
    sport: 'football',
    assetIds: assets.map((a) => a.id),
    budget: 100,
    rosterSize: 2,
    openingBid: 1,
    minIncrement: 1,
    bidTimerSeconds: 60,
    antiSnipeSeconds: 10,
    // Tests about something else see the next lot open at once (their timing is not the point).
    lotGapSeconds: 0,
    leadInSeconds: 0,
    nominationOrder: 'fixed',
    ...options.settings,
  };
  const league = await stack.api.post('/api/leagues', body, { token: commissioner.token });
  expect(league.status, JSON.stringify(league.body)).toBe(201);
  const managers: TestUser[] = [];
  for (let i = 0; i < (options.managers ?? 2); i++) {
    const manager = testUser(`manager${i + 1}`);
    const joined = await stack.api.post('/api/leagues/join', { inviteToken: league.body.inviteToken }, { token: manager.token });
    expect(joined.status, JSON.stringify(joined.body)).toBe(200);
    managers.push(manager);
  }
  return { leagueId: league.body.id, assets, commissioner, managers, everyone: [commissioner, ...managers] };
}

export async function startAuction(stack: Target, league: League): Promise<World> {
  const started = await stack.api.post<AuctionSnapshot>(
    '/api/auctions',
    { leagueId: league.leagueId },
    { token: league.commissioner.token },
  );
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  return { ...league, auction: started.body };
}

/** `POST /api/auctions {leagueId, startsAt}`: a scheduled auction (201, status `scheduled`). */
export async function scheduleAuction(stack: Target, league: League, startsAt: Date): Promise<World> {
  const scheduled = await stack.api.post<AuctionSnapshot>(
    '/api/auctions',
    { leagueId: league.leagueId, startsAt: startsAt.toISOString() },
    { token: league.commissioner.token },
  );
  expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(201);
  return { ...league, auction: scheduled.body };
}

export async function startedAuction(
  stack: Target,
  options: { managers?: number; assets?: number; settings?: LeagueOptions } = {},
): Promise<World> {
  return startAuction(stack, await createLeague(stack, options));
}

export function bid(
  stack: Target,
  world: World,
  user: TestUser,
  amount: number,
  overrides: { lotId?: string; clientBidId?: string } = {},
): Promise<ApiResponse<AcceptedBid & { code?: string }>> {
  return stack.api.post(
    `/api/auctions/${world.auction.id}/bids`,
    { lotId: overrides.lotId ?? world.auction.currentLot!.id, amount, clientBidId: overrides.clientBidId ?? randomUUID() },
    { token: user.token },
  );
}

export async function snapshot(stack: Target, world: World, user: TestUser = world.commissioner): Promise<AuctionSnapshot> {
  const answer = await stack.api.get<AuctionSnapshot>(`/api/auctions/${world.auction.id}`, { token: user.token });
  expect(answer.status).toBe(200);
  return answer.body;
}
