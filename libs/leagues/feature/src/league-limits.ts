import { Injectable } from '@nestjs/common';
import { RateLimits, type Limiter, type LimitRule } from '@auction/rate-limit';

/**
 * Per-user limits of the leagues service (SPEC §4 defaults).
 * - creations: 5 per 5 minutes; a request the settings rules refuse costs nothing.
 * - joins: 10 per hour, counting attempts that create a membership or are refused (unknown
 *   token, full, started). Joining a league one is already in is free, so retries and double
 *   clicks never lock anyone out.
 * - invitations: 2,000 addresses mailed per hour, so an account cannot be used to spam.
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

  constructor(rateLimits: RateLimits) {
    this.creations = rateLimits.limiter(LEAGUE_LIMIT_RULES.creations);
    this.joins = rateLimits.limiter(LEAGUE_LIMIT_RULES.joins);
    this.invitations = rateLimits.limiter(LEAGUE_LIMIT_RULES.invitations);
  }
}
