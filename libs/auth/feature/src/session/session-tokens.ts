import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { TokenPair, User } from '@auction/contracts';
import type { AppConfig } from '@auction/config';
import type { Transaction } from '@auction/db';
import { ACCESS_TOKEN, signAccessToken } from '@auction/auth-guard';
import { APP_CONFIG, CLOCK, type Clock } from '@auction/platform';
import { newSecretToken, sha256 } from '../crypto-tokens.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';

export const REFRESH_FAMILY_LIFETIME_MS = 30 * 24 * 3600 * 1000;

/** The tokens of a session: a stored, hashed refresh token and a signed access token beside it. */
@Injectable()
export class SessionTokens {
  constructor(
    private readonly tokens: RefreshTokensRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Starts a new refresh-token family for a fresh sign-in. */
  start(tx: Transaction, user: User): Promise<TokenPair> {
    const now = this.clock.now();
    return this.issue(tx, user, newSecretToken(), randomUUID(), new Date(now.getTime() + REFRESH_FAMILY_LIFETIME_MS));
  }

  async issue(tx: Transaction, user: User, refreshToken: string, familyId: string, familyExpiresAt: Date): Promise<TokenPair> {
    await this.tokens.insert(tx, { tokenHash: sha256(refreshToken), familyId, userId: user.id, familyExpiresAt });
    return this.pair(user, refreshToken);
  }

  /** An access token for the user beside a refresh token already stored. */
  pair(user: User, refreshToken: string): TokenPair {
    return {
      accessToken: signAccessToken(this.config.jwtSecret, user, this.clock.now()),
      refreshToken,
      expiresIn: ACCESS_TOKEN.ttlSeconds,
    };
  }
}
