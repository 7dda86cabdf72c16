import { DomainError } from '@auction/contracts';
import type { Transaction } from '@auction/db';
import type { AuctionsRepository } from '../../data/auctions.repository.js';
import type { ProxiesRepository, ProxyKey } from '../../data/proxies.repository.js';

/**
 * Locks the auction and checks that a manager may keep a proxy in it now: any status but
 * completed, an asset of its pool. Answers the asset's lot if it is open.
 */
export async function requireProxyOwner(
  db: Transaction,
  auctions: AuctionsRepository,
  proxies: ProxiesRepository,
  key: ProxyKey,
): Promise<{ openLotId: string | null }> {
  const auction = await auctions.lockAuction(db, key.auctionId);
  if (!auction) throw new DomainError('NOT_FOUND', 'There is no such auction.');
  const standing = await proxies.standing(db, key);
  if (!standing.isManager) throw new DomainError('NOT_A_MANAGER', 'Only managers of this league can bid.');
  if (auction.status === 'completed') throw new DomainError('AUCTION_COMPLETED', 'The auction has ended.');
  if (!standing.inPool) throw new DomainError('VALIDATION_FAILED', 'That asset is not in this auction.');
  return { openLotId: standing.openLotId };
}
