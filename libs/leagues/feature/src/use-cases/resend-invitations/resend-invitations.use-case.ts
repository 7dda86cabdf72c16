import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type Invitation, type ResendInvitationsRequest } from '@auction/contracts';
import type { AuthUser } from '@auction/auth-guard';
import { Transactor, type DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';
import { requireCommissioner, requireLeague, requireOpen } from '../../leagues/league-rules.js';
import { LeaguesRepository } from '../../leagues/leagues.repository.js';
import { MembersRepository } from '../../leagues/members.repository.js';
import { LeagueLimits } from '../../league-limits.js';
import { InvitationMail } from '../../invitations/invitation-mail.js';
import { InvitationsRepository } from '../../invitations/invitations.repository.js';

export interface ResendInvitationsInput {
  actor: AuthUser;
  leagueId: string;
  request: ResendInvitationsRequest;
}

/**
 * `POST /api/leagues/:id/invitations/resend {emails}`: each address (invited, not yet joined,
 * pending or expired) gets a fresh link and a new expiry; earlier links keep their own expiry.
 * All or nothing: any address that is not such an invitation sends nothing and is listed.
 */
@Injectable()
export class ResendInvitationsUseCase {
  constructor(
    private readonly transactor: Transactor,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    private readonly leagues: LeaguesRepository,
    private readonly members: MembersRepository,
    private readonly invitations: InvitationsRepository,
    private readonly mail: InvitationMail,
    private readonly limits: LeagueLimits,
  ) {}

  async execute({ actor, leagueId, request }: ResendInvitationsInput): Promise<{ items: Invitation[] }> {
    const league = requireLeague(await this.leagues.findById(this.database.db, leagueId));
    const commissioner = requireCommissioner(league, await this.members.find(this.database.db, leagueId, actor.id));
    requireOpen(league);
    const emails = [...new Set(request.emails)];

    return this.transactor.run(async (db) => {
      const found = new Map((await this.invitations.findForUpdate(db, leagueId, emails)).map((row) => [row.email, row]));
      const errors = emails.flatMap((email, index) => {
        const invitation = found.get(email);
        if (!invitation) return [{ path: `emails.${index}`, message: `${email} was not invited to this league` }];
        if (invitation.acceptedAt) return [{ path: `emails.${index}`, message: `${email} has already joined` }];
        return [];
      });
      if (errors.length > 0)
        throw new DomainError('VALIDATION_FAILED', 'Only invitations not yet accepted can be sent again; nothing was sent.', { errors });

      const window = this.mail.newWindow();
      await this.invitations.renew(db, leagueId, emails, window);
      await this.limits.leagueMail.consumeAll(leagueId, emails.length);
      await this.limits.invitations.consume(actor.id, emails.length);
      await this.mail.send({ league, commissionerName: commissioner.displayName, emails, window });
      const items = emails.map((email): Invitation => ({
        email,
        invitedAt: window.sentAt.toISOString(),
        expiresAt: window.expiresAt.toISOString(),
        status: 'pending',
      }));
      return { items };
    });
  }
}
