import { Injectable } from '@nestjs/common';
import { DomainError, type AuctionCompletedEvent, type ScoringContext } from '@auction/contracts';
import { ServiceClient } from '@auction/service-client';
import { StoreRostersUseCase, type StoredRosters } from '../store-rosters/store-rosters.use-case.js';

export interface RebuildRostersInput {
  context: ScoringContext;
}

/** Fetches the completed auction from the auction engine and stores its rosters, for when an event was missed. */
@Injectable()
export class RebuildRostersUseCase {
  constructor(
    private readonly services: ServiceClient,
    private readonly storeRosters: StoreRostersUseCase,
  ) {}

  async execute({ context }: RebuildRostersInput): Promise<StoredRosters> {
    const auction = await this.services
      .call<AuctionCompletedEvent>('auctions', 'GET', `/internal/auctions/leagues/${context.leagueId}/completed`)
      .catch((error: unknown) => {
        if (error instanceof DomainError && error.code === 'NOT_FOUND') {
          throw new DomainError('NOT_FOUND', 'This league has no completed auction yet.');
        }
        throw error;
      });
    if (auction.leagueId !== context.leagueId) {
      throw new DomainError('SERVICE_UNAVAILABLE', 'The auction engine answered for another league; please try again.');
    }
    return this.storeRosters.execute({ auction, context, source: 'rebuild' });
  }
}
