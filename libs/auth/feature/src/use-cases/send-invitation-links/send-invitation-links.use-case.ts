import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@auction/contracts';
import type { AppConfig } from '@auction/config';
import { APP_CONFIG, CLOCK, type Clock } from '@auction/platform';
import type { SignInPurpose } from '../../db/schema/index.js';
import { SignInLinks } from '../../magic-link/sign-in-links.js';

/** Leagues and auth replicas read different clocks; an expiry this far past the window is still taken. */
const MAX_CLOCK_SKEW_MS = 60 * 1000;

export interface SendInvitationLinksInput {
  emails: readonly string[];
  purpose: SignInPurpose;
  /** The invitations' expiry as the leagues service recorded it; the links expire with them. */
  expiresAt: Date;
}

/**
 * `POST /internal/auth/invitation-links`, called by the leagues service: mails sign-in links that
 * also join a league. They last as long as their invitations (INVITATION_TTL_HOURS, decided there).
 */
@Injectable()
export class SendInvitationLinksUseCase {
  constructor(
    private readonly links: SignInLinks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ emails, purpose, expiresAt }: SendInvitationLinksInput): Promise<void> {
    const now = this.clock.now().getTime();
    if (expiresAt.getTime() <= now || expiresAt.getTime() > now + this.config.invitationTtlMs + MAX_CLOCK_SKEW_MS) {
      throw new DomainError('VALIDATION_FAILED', 'An invitation must expire in the future and within INVITATION_TTL_HOURS.', {
        errors: [{ path: 'expiresAt', message: 'outside the invitation window' }],
      });
    }
    await Promise.all(emails.map((email) => this.links.issue(email, purpose, expiresAt)));
  }
}
