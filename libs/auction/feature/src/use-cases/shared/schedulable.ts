import { DomainError } from '@auction/contracts';
import { scheduleProblem } from '@auction/auction-domain';
import type { Auction } from '../../model/auction-state.js';

/** 422 with the field named, before anything is asked of the leagues service. */
export function requireSchedulable(startsAt: Date, now: Date): void {
  const problem = scheduleProblem(startsAt, now);
  if (problem) throw new DomainError('VALIDATION_FAILED', problem, { errors: [{ path: 'startsAt', message: problem }] });
}

/** A commissioner's change to a scheduled auction (start it now, move it): only before it went live. */
export function requireScheduledBy(auction: Auction | null, userId: string, verb: string): asserts auction is Auction {
  if (!auction) throw new DomainError('NOT_FOUND', 'There is no such auction.');
  if (auction.commissionerId !== userId) throw new DomainError('NOT_COMMISSIONER', `Only the commissioner can ${verb} the auction.`);
  if (auction.status === 'completed') throw new DomainError('AUCTION_COMPLETED', 'The auction has ended.');
  if (auction.status !== 'scheduled') throw new DomainError('AUCTION_STARTED', 'The auction has already started.');
}
