import { nominationTurnSeconds } from '../../metrics.js';
import type { Auction } from '../../model/auction-state.js';

/** The turn's duration, from its start (its deadline less the nomination time) to `nominatedAt`. */
export function observeTurn(auction: Auction, nominatedAt: Date): void {
  if (!auction.turnEndsAt) return;
  const startedAt = auction.turnEndsAt.getTime() - auction.settings.nominationSeconds * 1000;
  nominationTurnSeconds.observe(Math.max(0, nominatedAt.getTime() - startedAt) / 1000);
}
