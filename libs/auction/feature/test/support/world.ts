import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { AcceptedBid, AuctionSnapshot } from '@auction/contracts';
import { auctionService, type AuctionSetup } from '@auction/auction';
import { startTestStack, testUser, type ApiResponse, type StackOptions, type TestStack, type TestUser } from '@auction/testing';
import { fakeLeague, fakeLeaguesService, type LeagueSettings } from './fake-leagues.js';

export function auctionStack(options: Partial<StackOptions> = {}): Promise<TestStack> {
  return startTestStack({ services: [auctionService, fakeLeaguesService], ...options });
}

export interface World {
  setup: AuctionSetup;
  commissioner: TestUser;
  managers: TestUser[];
  /** Everyone who may bid: the commissioner first, then the other managers. */
  everyone: TestUser[];
  auction: AuctionSnapshot;
}

/** A league of `managers` + 1 users on the fake leagues service, with its auction started. */
export async function startedAuction(
  stack: TestStack,
  options: { managers?: number; assets?: number; settings?: Partial<LeagueSettings> } = {},
): Promise<World> {
  const everyone = [testUser('commissioner'), ...Array.from({ length: options.managers ?? 2 }, (_, i) => testUser(`manager${i + 1}`))];
  const setup = fakeLeague(everyone, options);
  const started = await stack.api.post<AuctionSnapshot>('/api/auctions', { leagueId: setup.leagueId }, { token: everyone[0]!.token });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  return { setup, commissioner: everyone[0]!, managers: everyone.slice(1), everyone, auction: started.body };
}

export function bid(
  stack: TestStack,
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

export async function snapshot(stack: TestStack, world: World, user: TestUser = world.commissioner): Promise<AuctionSnapshot> {
  const answer = await stack.api.get<AuctionSnapshot>(`/api/auctions/${world.auction.id}`, { token: user.token });
  expect(answer.status).toBe(200);
  return answer.body;
}
