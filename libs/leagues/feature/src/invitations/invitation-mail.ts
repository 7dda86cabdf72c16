import { Inject, Injectable } from '@nestjs/common';
import { DomainError, plainText } from '@auction/contracts';
import type { AppConfig } from '@auction/config';
import { counter, type Logger } from '@auction/observability';
import { APP_CONFIG, CLOCK, LOGGER, type Clock } from '@auction/platform';
import { ServiceClient } from '@auction/service-client';
import type { StoredLeague } from '../leagues/league.js';
import type { InvitationWindow } from './invitations.repository.js';

const invitationsSent = counter('league_invitations_sent_total', 'Invitation mails requested from auth');

export interface InvitationLetter {
  league: Pick<StoredLeague, 'id' | 'name'>;
  commissionerName: string;
  emails: string[];
  window: InvitationWindow;
}

/** Asks auth to mail invitation links; their expiry is the invitations' own, so both agree to the millisecond. */
@Injectable()
export class InvitationMail {
  constructor(
    private readonly services: ServiceClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Now, and now + INVITATION_TTL_HOURS. */
  newWindow(): InvitationWindow {
    const sentAt = this.clock.now();
    return { sentAt, expiresAt: new Date(sentAt.getTime() + this.config.invitationTtlMs) };
  }

  async send({ league, commissionerName, emails, window }: InvitationLetter): Promise<void> {
    try {
      await this.services.call('auth', 'POST', '/internal/auth/invitation-links', {
        leagueId: league.id,
        // Names stored before the text rules cannot shape the mail: one plain line each.
        leagueName: plainText(league.name),
        commissionerName: plainText(commissionerName),
        expiresAt: window.expiresAt.toISOString(),
        emails,
      });
      invitationsSent.inc(emails.length);
    } catch (error) {
      this.logger.error({ leagueId: league.id, err: (error as Error).message }, 'invitation links not sent');
      throw new DomainError('SERVICE_UNAVAILABLE', 'The invitations could not be sent just now, and nobody was invited. Please try again.');
    }
  }
}
