import { Inject, Injectable } from '@nestjs/common';
import type { AuctionCompletedEvent } from '@auction/contracts';
import { EventBus } from '@auction/realtime';
import { CLOCK, type Clock } from '@auction/platform';
import type { Auction } from './auction-state.js';
import { AuctionsRepository } from './auctions.repository.js';

/**
 * `auction.completed` for the scoring service: published after the completing transaction
 * committed, and retried by the closer loop until it reached the bus (at least once).
 */
@Injectable()
export class CompletionPublisher {
  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly bus: EventBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async publish(auctionId: string): Promise<void> {
    const auction = await this.auctions.findById(auctionId);
    if (!auction || auction.status !== 'completed') return;
    await this.bus.publish('auction.completed', await this.eventOf(auction));
    await this.auctions.markCompletionPublished(auctionId, this.clock.now());
  }

  /** The same payload on demand (scoring's rebuild), or null while the league has no completed auction. */
  async forLeague(leagueId: string): Promise<AuctionCompletedEvent | null> {
    const auction = await this.auctions.findByLeague(leagueId);
    return auction && auction.status === 'completed' ? this.eventOf(auction) : null;
  }

  private async eventOf(auction: Auction): Promise<AuctionCompletedEvent> {
    const [managers, sold] = await Promise.all([this.auctions.managers(auction.id), this.auctions.soldLots(auction.id)]);
    return {
      auctionId: auction.id,
      leagueId: auction.leagueId,
      sport: auction.sport,
      completedAt: (auction.completedAt ?? this.clock.now()).toISOString(),
      managers: managers.map((manager) => ({
        userId: manager.userId,
        displayName: manager.displayName,
        joinedAt: manager.joinedAt.toISOString(),
        budget: auction.settings.budget,
        spent: manager.spent,
        roster: sold
          .filter((lot) => lot.winnerId === manager.userId)
          .map((lot) => ({ assetId: lot.asset.id, externalId: lot.asset.externalId, name: lot.asset.name, price: lot.price!, lotId: lot.id })),
      })),
    };
  }
}
