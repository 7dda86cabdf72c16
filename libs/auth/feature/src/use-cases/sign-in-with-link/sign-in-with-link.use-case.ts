import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type SignInResult } from '@auction/contracts';
import { Transactor } from '@auction/db';
import { counter } from '@auction/observability';
import { CLOCK, type Clock } from '@auction/platform';
import { RateLimits, type Limiter } from '@auction/rate-limit';
import { sha256 } from '../../crypto-tokens.js';
import { MagicLinksRepository } from '../../magic-link/magic-links.repository.js';
import { SignInHooks } from '../../magic-link/sign-in-hooks.js';
import { SessionTokens } from '../../session/session-tokens.js';
import { UsersRepository } from '../../users/users.repository.js';

const signIns = counter('auth_sign_ins_total', 'Magic-link verifications by outcome', ['outcome']);

export interface SignInWithLinkInput {
  token: string;
  ip: string;
}

/**
 * `POST /api/auth/verify-magic-link`: spends the link, creates the user on first sign-in and starts
 * a session. Every attempt spends a point of the failure limit before it is judged (so a concurrent
 * burst cannot outrun the count); a successful sign-in gives it back.
 */
@Injectable()
export class SignInWithLinkUseCase {
  private readonly failedVerificationsPerIp: Limiter;

  constructor(
    private readonly transactor: Transactor,
    private readonly links: MagicLinksRepository,
    private readonly users: UsersRepository,
    private readonly sessions: SessionTokens,
    private readonly hooks: SignInHooks,
    rateLimits: RateLimits,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.failedVerificationsPerIp = rateLimits.limiter({ name: 'verify-failed-ip', points: 10, durationSeconds: 60 });
  }

  async execute({ token, ip }: SignInWithLinkInput): Promise<SignInResult> {
    await this.failedVerificationsPerIp.consume(ip);
    const tokenHash = sha256(token);
    const signedIn = await this.transactor.run(async (tx) => {
      const link = await this.links.consume(tx, tokenHash, this.clock.now());
      if (!link) return null;
      const user = await this.users.upsertByEmail(tx, link.email);
      return { user, ...(await this.sessions.start(tx, user)) };
    });
    if (!signedIn) throw await this.verificationRefusal(tokenHash);
    await this.failedVerificationsPerIp.refund(ip);
    signIns.inc({ outcome: 'ok' });
    return { ...signedIn, ...(await this.hooks.afterSignIn(signedIn.user)) };
  }

  private async verificationRefusal(tokenHash: string): Promise<DomainError> {
    const state = await this.links.stateOf(tokenHash);
    signIns.inc({ outcome: state });
    if (state === 'used') return new DomainError('TOKEN_USED', 'This sign-in link has already been used. Ask for a new one.');
    if (state === 'expired') return new DomainError('TOKEN_EXPIRED', 'This sign-in link has expired. Ask for a new one.');
    return new DomainError('TOKEN_INVALID', 'This sign-in link is not valid. Ask for a new one.');
  }
}
