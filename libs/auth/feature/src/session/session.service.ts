import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type TokenPair, type User } from '@auction/contracts';
import type { AppConfig } from '@auction/config';
import type { Database } from '@auction/db';
import { ACCESS_TOKEN, signAccessToken } from '@auction/auth-guard';
import { APP_CONFIG, CLOCK, type Clock } from '@auction/platform';
import { newSecretToken, sha256, successorToken } from '../crypto-tokens.js';
import { toUser } from '../users/users.repository.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';

export const REFRESH_FAMILY_LIFETIME_MS = 30 * 24 * 3600 * 1000;
/** Two tabs refreshing with the same token at once both succeed within this window, with the same successor. */
export const REFRESH_REUSE_GRACE_MS = 10_000;

@Injectable()
export class SessionService {
  constructor(
    private readonly tokens: RefreshTokensRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Starts a new refresh-token family for a fresh sign-in. */
  async start(db: Database, user: User): Promise<TokenPair> {
    const now = this.clock.now();
    return this.issue(db, user, newSecretToken(), randomUUID(), new Date(now.getTime() + REFRESH_FAMILY_LIFETIME_MS));
  }

  async refresh(refreshToken: string): Promise<TokenPair & { user: User }> {
    const outcome = await this.tokens.transaction(async (db) => {
      const now = this.clock.now();
      const stored = await this.tokens.findForUpdate(db, sha256(refreshToken));
      if (!stored) return refusal('TOKEN_INVALID', 'This session is not known; please sign in again.');
      if (stored.revokedAt) return refusal('TOKEN_REVOKED', 'This session has ended; please sign in again.');
      if (stored.familyExpiresAt <= now) return refusal('TOKEN_EXPIRED', 'This session has expired; please sign in again.');
      if (stored.usedAt && now.getTime() - stored.usedAt.getTime() > REFRESH_REUSE_GRACE_MS) {
        await this.tokens.revokeFamily(db, stored.familyId, now);
        return refusal('TOKEN_REVOKED', 'This session was used elsewhere and has been ended; please sign in again.');
      }
      const user = toUser(stored.user);
      const successor = successorToken(this.config.jwtSecret, refreshToken);
      if (stored.usedAt && (await this.tokens.exists(db, sha256(successor)))) {
        return { user, ...this.pair(user, successor) };
      }
      if (!stored.usedAt) await this.tokens.markUsed(db, stored.id, now);
      return { user, ...(await this.issue(db, user, successor, stored.familyId, stored.familyExpiresAt)) };
    });
    // A reuse must commit its revocation before refusing, so the error is thrown outside the transaction.
    if (outcome instanceof DomainError) throw outcome;
    return outcome;
  }

  /** Ends the session the refresh token belongs to, if it is the caller's. */
  async logout(refreshToken: string, userId: string): Promise<void> {
    await this.tokens.transaction(async (db) => {
      const stored = await this.tokens.findForUpdate(db, sha256(refreshToken));
      if (stored && stored.userId === userId) await this.tokens.revokeFamily(db, stored.familyId, this.clock.now());
    });
  }

  private async issue(db: Database, user: User, refreshToken: string, familyId: string, familyExpiresAt: Date): Promise<TokenPair> {
    await this.tokens.insert(db, { tokenHash: sha256(refreshToken), familyId, userId: user.id, familyExpiresAt });
    return this.pair(user, refreshToken);
  }

  private pair(user: User, refreshToken: string): TokenPair {
    return {
      accessToken: signAccessToken(this.config.jwtSecret, user, this.clock.now()),
      refreshToken,
      expiresIn: ACCESS_TOKEN.ttlSeconds,
    };
  }
}

function refusal(code: 'TOKEN_INVALID' | 'TOKEN_REVOKED' | 'TOKEN_EXPIRED', message: string): DomainError {
  return new DomainError(code, message);
}
