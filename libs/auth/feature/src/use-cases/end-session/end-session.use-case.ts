import { Inject, Injectable } from '@nestjs/common';
import { Transactor } from '@auction/db';
import { CLOCK, type Clock } from '@auction/platform';
import { sha256 } from '../../crypto-tokens.js';
import { RefreshTokensRepository } from '../../session/refresh-tokens.repository.js';

export interface EndSessionInput {
  refreshToken: string;
  /** The caller: a session is ended only by its own user. */
  userId: string;
}

/** `POST /api/auth/logout`: ends the session the refresh token belongs to, if it is the caller's. */
@Injectable()
export class EndSessionUseCase {
  constructor(
    private readonly transactor: Transactor,
    private readonly tokens: RefreshTokensRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ refreshToken, userId }: EndSessionInput): Promise<void> {
    await this.transactor.run(async (tx) => {
      const stored = await this.tokens.findForUpdate(tx, sha256(refreshToken));
      if (stored && stored.userId === userId) await this.tokens.revokeFamily(tx, stored.familyId, this.clock.now());
    });
  }
}
