import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@auction/contracts';
import { queueProblems } from '@auction/auction-domain';
import type { DatabaseHandle } from '@auction/db';
import { CLOCK, DATABASE, type Clock } from '@auction/platform';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import { QueuesRepository } from '../../data/queues.repository.js';

export interface SaveQueueInput {
  auctionId: string;
  userId: string;
  /** The whole queue, first choice first. */
  assetIds: string[];
}

/**
 * Stores a manager's private queue, from the moment the auction exists until it completes.
 * Only assets of the auction's pool, each once; a refused queue leaves the stored one as it was.
 */
@Injectable()
export class SaveQueueUseCase {
  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly queues: QueuesRepository,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ auctionId, userId, assetIds }: SaveQueueInput): Promise<void> {
    const db = this.database.db;
    const auction = await this.auctions.findById(db, auctionId);
    if (!auction) throw new DomainError('NOT_FOUND', 'There is no such auction.');
    if (!(await this.auctions.manager(db, auctionId, userId))) {
      throw new DomainError('NOT_A_MEMBER', 'Only the league’s managers keep a queue for its auction.');
    }
    if (auction.status === 'completed') throw new DomainError('AUCTION_COMPLETED', 'The auction has ended.');
    const errors = queueProblems(assetIds, new Set(await this.auctions.poolAssetIds(db, auctionId)));
    if (errors.length > 0)
      throw new DomainError('VALIDATION_FAILED', 'The queue can hold only assets of this auction, each once.', { errors });
    await this.queues.save(db, auctionId, userId, assetIds, this.clock.now());
  }
}
