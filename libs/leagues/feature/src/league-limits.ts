import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@auction/config';
import { APP_CONFIG } from '@auction/platform';
import { RateLimits, type Limiter, type LimitRule } from '@auction/rate-limit';

/**
 * Per-user limits of the leagues service (SPEC §4 defaults).
 * - creations: 5 per 5 minutes; a request the settings rules refuse costs nothing.
 * - joins: 10 per hour, counting attempts that create a membership or are refused (unknown
 *   token, full, started). Joining a league one is already in is free, so retries and double
 *   clicks never lock anyone out.
 * - invitations: 2,000 addresses mailed per hour, so an account cannot be used to spam.
 * - leagueMail: invitation mails per league per rolling day (`INVITATIONS_PER_LEAGUE_PER_DAY`,
 *   200 by default); an upload that would go over sends nothing.
 */
export const LEAGUE_LIMIT_RULES = {
  creations: { name: 'league-create', points: 5, durationSeconds: 5 * 60 },
  joins: { name: 'league-join', points: 10, durationSeconds: 60 * 60 },
  invitations: { name: 'league-invitations', points: 2000, durationSeconds: 60 * 60 },
} as const satisfies Record<string, LimitRule>;

@Injectable()
export class LeagueLimits {
  readonly creations: Limiter;
  readonly joins: Limiter;
  readonly invitations: Limiter;
  readonly leagueMail: Limiter;

  constructor(rateLimits: RateLimits, @Inject(APP_CONFIG) config: AppConfig) {
    this.creations = rateLimits.limiter(LEAGUE_LIMIT_RULES.creations);
    this.joins = rateLimits.limiter(LEAGUE_LIMIT_RULES.joins);
    this.invitations = rateLimits.limiter(LEAGUE_LIMIT_RULES.invitations);
    this.leagueMail = rateLimits.limiter({
      name: 'league-invitation-mail',
      points: config.invitationsPerLeaguePerDay,
      durationSeconds: 24 * 60 * 60,
    });
  }
}
