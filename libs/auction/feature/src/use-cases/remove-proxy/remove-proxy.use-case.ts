import { Injectable } from '@nestjs/common';
import { Transactor } from '@auction/db';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import { ProxiesRepository, type ProxyKey } from '../../data/proxies.repository.js';
import { lockAfterProxyWrite, requireProxyOwner } from '../shared/proxy-owner.js';
import { ProxyWrites } from '../shared/proxy-writes.js';

export type RemoveProxyInput = ProxyKey;

/** `DELETE /api/auctions/:id/proxies/:assetId`: the proxy bids no more (the bids it made stand). */
@Injectable()
export class RemoveProxyUseCase {
  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly proxies: ProxiesRepository,
    private readonly transactor: Transactor,
    private readonly writes: ProxyWrites,
  ) {}

  async execute(key: RemoveProxyInput): Promise<void> {
    await this.writes.run(key.auctionId, () =>
      this.transactor.run(async (tx) => {
        await requireProxyOwner(tx, this.proxies, key);
        await this.proxies.remove(tx, key);
        // Once removed, it bids no more: a bid decided under the lock before this commit may still have used it.
        await lockAfterProxyWrite(tx, this.auctions, key.auctionId);
      }),
    );
  }
}
