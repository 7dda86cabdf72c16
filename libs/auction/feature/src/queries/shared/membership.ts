import { DomainError } from '@auction/contracts';
import type { Transaction } from '@auction/db';
import type { AuctionsRepository } from '../../data/auctions.repository.js';
import type { AuctionView } from '../../model/auction-state.js';

/** The whole view for a member of the auction's league: NOT_FOUND or NOT_A_MEMBER otherwise. */
export async function memberView(auctions: AuctionsRepository, db: Transaction, auctionId: string, userId: string): Promise<AuctionView> {
  const view = await auctions.view(db, auctionId);
  if (!view) throw notFound();
  if (!view.managers.some((manager) => manager.userId === userId)) throw notAMember();
  return view;
}

export function notFound(): DomainError {
  return new DomainError('NOT_FOUND', 'There is no such auction.');
}

export function notAMember(): DomainError {
  return new DomainError('NOT_A_MEMBER', 'Only members of this league can see its auction.');
}
