import { Inject, Injectable } from '@nestjs/common';
import type { User } from '@auction/contracts';
import type { Logger } from '@auction/observability';
import { LOGGER } from '@auction/platform';
import { ServiceClient } from '@auction/service-client';
import type { SignInPurpose } from '../db/schema/index.js';

/**
 * Carries out what an invitation link promises: the leagues service adds the member.
 * A failure here never fails the sign-in; the member can still join with the invite link.
 */
@Injectable()
export class SignInHooks {
  constructor(
    private readonly services: ServiceClient,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async afterSignIn(user: User, purpose: SignInPurpose | null): Promise<{ joinedLeagueId?: string }> {
    if (purpose?.kind !== 'league-invite') return {};
    try {
      await this.services.call('leagues', 'POST', `/internal/leagues/${purpose.leagueId}/invited-members`, {
        userId: user.id,
        email: user.email,
        displayName: user.displayName,
      });
      return { joinedLeagueId: purpose.leagueId };
    } catch (error) {
      this.logger.warn({ leagueId: purpose.leagueId, err: (error as Error).message }, 'invitation join failed');
      return {};
    }
  }
}
