import { createHash } from 'node:crypto';

/** Namespace of auction ids (UUID v5): one auction per league, so its id follows from the league's. */
const AUCTION_NAMESPACE = Buffer.from('6f1c2a4e9b7d4c3a8e5f0a1b2c3d4e5f', 'hex');

/**
 * The auction id of a league. Deterministic on purpose: a start that failed after the leagues
 * service recorded it is retried with the same id, which leagues answers with the same setup
 * (its start-auction is idempotent per auction id) instead of AUCTION_STARTED for ever.
 */
export function auctionIdOf(leagueId: string): string {
  const hash = createHash('sha1').update(AUCTION_NAMESPACE).update(leagueId.toLowerCase()).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
