import { DomainError } from '@auction/contracts';
import type { AuctionStatus } from '@auction/auction-domain';
import type { Transaction } from '@auction/db';
import type { AuctionsRepository } from '../../data/auctions.repository.js';
import type { ProxiesRepository, ProxyKey } from '../../data/proxies.repository.js';

/**
 * Checks that a manager may keep a proxy in this auction now: any status but completed, an asset
 * of its pool. Read without the auction lock: the managers and the pool of an auction never change.
 */
export async function requireProxyOwner(db: Transaction, proxies: ProxiesRepository, key: ProxyKey): Promise<void> {
  const { auctionStatus, isManager, inPool } = await proxies.standing(db, key);
  if (auctionStatus === null) throw new DomainError('NOT_FOUND', 'There is no such auction.');
  if (!isManager) throw new DomainError('NOT_A_MANAGER', 'Only managers of this league can bid.');
  requireNotCompleted(auctionStatus);
  if (!inPool) throw new DomainError('VALIDATION_FAILED', 'That asset is not in this auction.');
}

/**
 * After the proxy is written: marks the auction's proxies changed, which takes the auction lock,
 * so the lock is held only for settling the open lot; refuses (nothing kept) if the auction
 * completed since `requireProxyOwner` looked. A bid decided before this commit did not see the
 * change: written before it, it is answered by the settling after it; written after, it finds the
 * proxies changed and is looked at again.
 */
export async function lockAfterProxyWrite(db: Transaction, auctions: AuctionsRepository, auctionId: string): Promise<void> {
  requireNotCompleted((await auctions.proxiesChanged(db, auctionId))!);
}

function requireNotCompleted(status: AuctionStatus): void {
  if (status === 'completed') throw new DomainError('AUCTION_COMPLETED', 'The auction has ended.');
}
