import type { AuctionCompletedEvent } from '@auction/contracts';
import type { Auction, Lot, Manager } from './auction-state.js';

/** `auction.completed` for the scoring service: every manager's purse and roster. */
export function completionEvent(auction: Auction, managers: Manager[], sold: Lot[], now: Date): AuctionCompletedEvent {
  return {
    auctionId: auction.id,
    leagueId: auction.leagueId,
    sport: auction.sport,
    completedAt: (auction.completedAt ?? now).toISOString(),
    managers: managers.map((manager) => ({
      userId: manager.userId,
      displayName: manager.displayName,
      joinedAt: manager.joinedAt.toISOString(),
      budget: auction.settings.budget,
      spent: manager.spent,
      roster: sold
        .filter((lot) => lot.winnerId === manager.userId)
        .map((lot) => ({
          assetId: lot.asset.id,
          externalId: lot.asset.externalId,
          name: lot.asset.name,
          price: lot.price!,
          lotId: lot.id,
        })),
    })),
  };
}
