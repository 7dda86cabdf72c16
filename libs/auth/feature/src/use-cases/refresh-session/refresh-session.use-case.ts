import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type TokenPair, type User } from '@auction/contracts';
import type { AppConfig } from '@auction/config';
import { Transactor } from '@auction/db';
import { APP_CONFIG, CLOCK, type Clock } from '@auction/platform';
import { sha256, successorToken } from '../../crypto-tokens.js';
import { RefreshTokensRepository } from '../../session/refresh-tokens.repository.js';
import { SessionTokens } from '../../session/session-tokens.js';
import { toUser } from '../../users/users.repository.js';

/** Two tabs refreshing with the same token at once both succeed within this window, with the same successor. */
export const REFRESH_REUSE_GRACE_MS = 10_000;

export interface RefreshSessionInput {
  refreshToken: string;
}

/**
 * `POST /api/auth/refresh`: rotates the refresh token. A token used again after the grace ends
 * its whole family (a stolen token is worth one refresh at most).
 */
@Injectable()
export class RefreshSessionUseCase {
  constructor(
    private readonly transactor: Transactor,
    private readonly tokens: RefreshTokensRepository,
    private readonly sessions: SessionTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ refreshToken }: RefreshSessionInput): Promise<TokenPair & { user: User }> {
    const outcome = await this.transactor.run(async (tx) => {
      const now = this.clock.now();
      const stored = await this.tokens.findForUpdate(tx, sha256(refreshToken));
      if (!stored) return refusal('TOKEN_INVALID', 'This session is not known; please sign in again.');
      if (stored.revokedAt) return refusal('TOKEN_REVOKED', 'This session has ended; please sign in again.');
      if (stored.familyExpiresAt <= now) return refusal('TOKEN_EXPIRED', 'This session has expired; please sign in again.');
      if (stored.usedAt && now.getTime() - stored.usedAt.getTime() > REFRESH_REUSE_GRACE_MS) {
        await this.tokens.revokeFamily(tx, stored.familyId, now);
        return refusal('TOKEN_REVOKED', 'This session was used elsewhere and has been ended; please sign in again.');
      }
      const user = toUser(stored.user);
      const successor = successorToken(this.config.jwtSecret, refreshToken);
      if (stored.usedAt && (await this.tokens.exists(tx, sha256(successor)))) {
        return { user, ...this.sessions.pair(user, successor) };
      }
      if (!stored.usedAt) await this.tokens.markUsed(tx, stored.id, now);
      return { user, ...(await this.sessions.issue(tx, user, successor, stored.familyId, stored.familyExpiresAt)) };
    });
    // A reuse must commit its revocation before refusing, so the error is thrown outside the transaction.
    if (outcome instanceof DomainError) throw outcome;
    return outcome;
  }
}

function refusal(code: 'TOKEN_INVALID' | 'TOKEN_REVOKED' | 'TOKEN_EXPIRED', message: string): DomainError {
  return new DomainError(code, message);
}
