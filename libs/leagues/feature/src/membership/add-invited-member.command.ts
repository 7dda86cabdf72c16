import { Injectable } from '@nestjs/common';
import { DomainError, type InvitedMemberRequest, type LeagueMembership } from '@auction/contracts';
import { requireLeague } from '../leagues/league-rules.js';
import { LeaguesRepository } from '../leagues/leagues.repository.js';
import { InvitationsRepository } from '../invitations/invitations.repository.js';
import { AdmitMember } from './admit-member.js';

/**
 * `POST /internal/leagues/:id/invited-members`, called by auth when someone signs in through an
 * invitation link: joins them if that address was invited to that league. Same checks and the
 * same lobby event as a join with the invite token; idempotent.
 */
@Injectable()
export class AddInvitedMember {
  constructor(
    private readonly leagues: LeaguesRepository,
    private readonly invitations: InvitationsRepository,
    private readonly admit: AdmitMember,
  ) {}

  async execute(leagueId: string, request: InvitedMemberRequest): Promise<LeagueMembership> {
    if (!(await this.invitations.exists(leagueId, request.email))) {
      requireLeague(await this.leagues.findById(leagueId));
      throw new DomainError('FORBIDDEN', 'This address was not invited to this league.');
    }
    const { membership } = await this.admit.execute({
      leagueId,
      newcomer: { userId: request.userId, email: request.email, displayName: request.displayName },
      via: { kind: 'invitation', email: request.email },
    });
    return membership;
  }
}
