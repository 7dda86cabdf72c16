import { expect } from 'vitest';
import { checkAuctionInvariants, checkFormatInvariants, type AuctionState } from '@auction/auction-domain';
import { readAuctionState } from './auction-state.js';

export { readAuctionState };

/** SPEC §3 and the §8 additions (nominations and turns, proxy bids, corrections) on the auction as stored. */
export async function expectAuctionInvariants(databaseUrl: string, auctionId: string): Promise<AuctionState> {
  const state = await readAuctionState(databaseUrl, auctionId);
  expect([...checkAuctionInvariants(state), ...checkFormatInvariants(state)]).toEqual([]);
  return state;
}
