import { Inject, Injectable } from '@nestjs/common';
import type { AcceptedBid, OwnProxy } from '@auction/contracts';
import { Transactor } from '@auction/db';
import { CLOCK, type Clock } from '@auction/platform';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import { ProxiesRepository, type ProxyKey } from '../../data/proxies.repository.js';
import { LotDeadlines } from '../shared/due-times.js';
import { lockAfterProxyWrite, requireProxyOwner } from '../shared/proxy-owner.js';
import { ProxySettlement } from '../shared/proxy-settlement.js';
import { ProxyWrites } from '../shared/proxy-writes.js';

export interface SetProxyInput extends ProxyKey {
  maxAmount: number;
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
    private readonly writes: ProxyWrites,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ maxAmount, ...key }: SetProxyInput): Promise<OwnProxy> {
    const placed = await this.writes.run(key.auctionId, () =>
      this.transactor.run(async (tx): Promise<AcceptedBid[]> => {
        await requireProxyOwner(tx, this.proxies, key);
        await this.proxies.put(tx, key, maxAmount, this.clock.now());
        await lockAfterProxyWrite(tx, this.auctions, key.auctionId);
        return this.settlement.settleOpenLotOf(tx, key.auctionId, key.assetId, this.clock.now());
      }),
    );
    this.deadlines.watch(this.settlement.announce(placed));
    return { assetId: key.assetId, maxAmount };
  }
}
