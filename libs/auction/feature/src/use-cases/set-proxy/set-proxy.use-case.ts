import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type AcceptedBid, type OwnProxy } from '@auction/contracts';
import { Transactor, type Transaction } from '@auction/db';
import { CLOCK, type Clock } from '@auction/platform';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import { ProxiesRepository, type ProxyKey } from '../../data/proxies.repository.js';
import { LotDeadlines } from '../shared/due-times.js';
import { ProxySettlement } from '../shared/proxy-settlement.js';

export interface SetProxyInput extends ProxyKey {
  maxAmount: number;
}

/** Checks that a manager may keep a proxy in this auction now: any status but completed, an asset of its pool. */
export async function requireProxyOwner(db: Transaction, auctions: AuctionsRepository, proxies: ProxiesRepository, key: ProxyKey): Promise<void> {
  const auction = await auctions.lockAuction(db, key.auctionId);
  if (!auction) throw new DomainError('NOT_FOUND', 'There is no such auction.');
  if (!(await auctions.manager(db, key.auctionId, key.userId))) throw new DomainError('NOT_A_MANAGER', 'Only managers of this league can bid.');
  if (auction.status === 'completed') throw new DomainError('AUCTION_COMPLETED', 'The auction has ended.');
  if (!(await proxies.inPool(db, key.auctionId, key.assetId))) throw new DomainError('VALIDATION_FAILED', 'That asset is not in this auction.');
}

/**
 * `PUT /api/auctions/:id/proxies/:assetId {maxAmount}`: sets or changes the caller's private
 * maximum (a change counts as set anew); if that asset's lot is open, the proxy bids at once.
 */
@Injectable()
export class SetProxyUseCase {
  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly proxies: ProxiesRepository,
    private readonly settlement: ProxySettlement,
    private readonly deadlines: LotDeadlines,
    private readonly transactor: Transactor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ maxAmount, ...key }: SetProxyInput): Promise<OwnProxy> {
    const placed = await this.transactor.run(async (tx): Promise<AcceptedBid[]> => {
      await requireProxyOwner(tx, this.auctions, this.proxies, key);
      const now = this.clock.now();
      await this.proxies.put(tx, key, maxAmount, now);
      const open = await this.auctions.openLot(tx, key.auctionId);
      return open && open.asset.id === key.assetId ? this.settlement.settle(tx, key.auctionId, open.id, now) : [];
    });
    this.deadlines.watch(this.settlement.announce(placed));
    return { assetId: key.assetId, maxAmount };
  }
}
