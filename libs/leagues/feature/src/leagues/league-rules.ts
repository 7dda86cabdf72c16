import { DomainError } from '@auction/contracts';
import type { SettingsIssue } from '@auction/leagues-domain';
import type { StoredLeague, StoredMember } from './league.js';

/** Refusals shared by every league route, worded once. */
export function requireLeague(league: StoredLeague | null): StoredLeague {
  if (!league) throw new DomainError('NOT_FOUND', 'There is no such league.');
  return league;
}

export function requireMember(member: StoredMember | null): StoredMember {
  if (!member) throw new DomainError('NOT_A_MEMBER', 'You are not a member of this league. Ask the commissioner for the invite link.');
  return member;
}

export function requireCommissioner(league: StoredLeague, member: StoredMember | null): StoredMember {
  const found = requireMember(member);
  if (league.commissionerId !== found.userId) {
    throw new DomainError('NOT_COMMISSIONER', 'Only the commissioner of this league can do that.');
  }
  return found;
}

export function requireOpen(league: StoredLeague): void {
  if (league.status !== 'open') {
    throw new DomainError(
      'AUCTION_STARTED',
      league.status === 'completed' ? 'This league’s auction is over.' : 'This league’s auction has already started.',
    );
  }
}

export function invalidSettings(issues: readonly SettingsIssue[]): DomainError {
  return new DomainError('VALIDATION_FAILED', 'Some league settings need changing.', {
    errors: issues.map((issue) => ({ path: issue.path, message: issue.message })),
  });
}
