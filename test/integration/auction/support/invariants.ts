import { expect } from 'vitest';
import { checkAuctionInvariants, type AuctionState } from '@auction/auction-domain';
import { readAuctionState } from './auction-state.js';

export { readAuctionState };

export async function expectAuctionInvariants(databaseUrl: string, auctionId: string): Promise<AuctionState> {
  const state = await readAuctionState(databaseUrl, auctionId);
  expect(checkAuctionInvariants(state)).toEqual([]);
  return state;
}
