import { expect } from 'vitest';
import { checkAuctionInvariants, checkFormatInvariants, type AuctionState } from '@auction/auction-domain';
import { readAuctionState, readFormatState } from './auction-state.js';

export { readAuctionState };

/** SPEC §3's invariants and those SPEC §8 adds for the auction formats, on the auction as stored. */
export async function expectAuctionInvariants(databaseUrl: string, auctionId: string): Promise<AuctionState> {
  const state = await readAuctionState(databaseUrl, auctionId);
  const formats = await readFormatState(databaseUrl, auctionId);
  expect([...checkAuctionInvariants(state), ...checkFormatInvariants(formats)]).toEqual([]);
  return state;
}
