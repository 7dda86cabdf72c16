import { Inject, Injectable } from '@nestjs/common';
import type { AcceptedInvitations, SignInResult, User } from '@auction/contracts';
import type { Logger } from '@auction/observability';
import { LOGGER } from '@auction/platform';
import { ServiceClient } from '@auction/service-client';

/**
 * Carries out what an invitation promises, whichever link the person signs in with: the leagues
 * service joins them to every league with a live invitation of their address. A failure here never
 * fails the sign-in; the member can still join with the invite link.
 */
@Injectable()
export class SignInHooks {
  constructor(
    private readonly services: ServiceClient,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async afterSignIn(user: User): Promise<Pick<SignInResult, 'joinedLeagueId' | 'joinedLeagues'>> {
    try {
      const { joined } = await this.services.call<AcceptedInvitations>('leagues', 'POST', '/internal/leagues/invited-members', {
        userId: user.id,
        email: user.email,
        displayName: user.displayName,
      });
      return joined.length > 0 ? { joinedLeagueId: joined[0]!.leagueId, joinedLeagues: joined } : {};
    } catch (error) {
      this.logger.warn({ userId: user.id, err: (error as Error).message }, 'invitations not accepted at sign-in');
      return {};
    }
  }
}
