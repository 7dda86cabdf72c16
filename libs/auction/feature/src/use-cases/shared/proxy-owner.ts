import { DomainError } from '@auction/contracts';
import type { Transaction } from '@auction/db';
import type { AuctionsRepository } from '../../data/auctions.repository.js';
import type { ProxiesRepository, ProxyKey } from '../../data/proxies.repository.js';

/** Checks that a manager may keep a proxy in this auction now: any status but completed, an asset of its pool. */
export async function requireProxyOwner(
  db: Transaction,
  auctions: AuctionsRepository,
  proxies: ProxiesRepository,
  key: ProxyKey,
): Promise<void> {
  const auction = await auctions.lockAuction(db, key.auctionId);
  if (!auction) throw new DomainError('NOT_FOUND', 'There is no such auction.');
  if (!(await auctions.manager(db, key.auctionId, key.userId)))
    throw new DomainError('NOT_A_MANAGER', 'Only managers of this league can bid.');
  if (auction.status === 'completed') throw new DomainError('AUCTION_COMPLETED', 'The auction has ended.');
  if (!(await proxies.inPool(db, key.auctionId, key.assetId)))
    throw new DomainError('VALIDATION_FAILED', 'That asset is not in this auction.');
}
