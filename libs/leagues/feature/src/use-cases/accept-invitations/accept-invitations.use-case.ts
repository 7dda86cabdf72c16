import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type AcceptedInvitations, type InvitedMemberRequest } from '@auction/contracts';
import type { Logger } from '@auction/observability';
import { CLOCK, LOGGER, type Clock } from '@auction/platform';
import { InvitationsRepository } from '../../invitations/invitations.repository.js';
import { AdmitMember } from '../../membership/admit-member.js';

/**
 * `POST /internal/leagues/invited-members`, called by auth after every sign-in (by an invitation
 * link or a plain sign-in link): joins the person to each league holding a live invitation of
 * their address, with the checks and the lobby event of a join by invite link. A league that is
 * full or has started is skipped; its invitation stays as it was. Idempotent: of concurrent calls,
 * one reports each league joined.
 */
@Injectable()
export class AcceptInvitationsUseCase {
  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly admit: AdmitMember,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(request: InvitedMemberRequest): Promise<AcceptedInvitations> {
    const invitedTo = await this.invitations.liveFor(request.email, this.clock.now());
    const joined: AcceptedInvitations['joined'] = [];
    for (const league of invitedTo) {
      try {
        const admission = await this.admit.execute({
          leagueId: league.leagueId,
          newcomer: { userId: request.userId, email: request.email, displayName: request.displayName },
          via: { kind: 'invitation', email: request.email },
        });
        if (admission.acceptedInvitation) joined.push(league);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        this.logger.info({ leagueId: league.leagueId, code: error.code }, 'invitation not accepted');
      }
    }
    return { joined };
  }
}
