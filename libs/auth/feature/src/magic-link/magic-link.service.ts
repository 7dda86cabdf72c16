import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type SignInResult } from '@auction/contracts';
import type { AppConfig } from '@auction/config';
import { counter } from '@auction/observability';
import { APP_CONFIG, CLOCK, Mailer, type Clock } from '@auction/platform';
import { RateLimits, type Limiter } from '@auction/rate-limit';
import { newSecretToken, sha256 } from '../crypto-tokens.js';
import type { SignInPurpose } from '../db/schema/index.js';
import { signInMail } from '../mail/sign-in-mail.js';
import { SessionService } from '../session/session.service.js';
import { UsersRepository } from '../users/users.repository.js';
import { MagicLinksRepository } from './magic-links.repository.js';
import { SignInHooks } from './sign-in-hooks.js';

export const MAGIC_LINK_TTL_MS = 15 * 60 * 1000;
/** Leagues and auth replicas read different clocks; an expiry this far past the window is still taken. */
const MAX_CLOCK_SKEW_MS = 60 * 1000;

const signIns = counter('auth_sign_ins_total', 'Magic-link verifications by outcome', ['outcome']);

@Injectable()
export class MagicLinkService {
  private readonly linksPerEmail: Limiter;
  private readonly linksPerIp: Limiter;
  private readonly failedVerificationsPerIp: Limiter;

  constructor(
    private readonly links: MagicLinksRepository,
    private readonly users: UsersRepository,
    private readonly sessions: SessionService,
    private readonly mailer: Mailer,
    private readonly hooks: SignInHooks,
    rateLimits: RateLimits,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.linksPerEmail = rateLimits.limiter({ name: 'magic-link-email', points: 3, durationSeconds: 3600 });
    this.linksPerIp = rateLimits.limiter({ name: 'magic-link-ip', points: 30, durationSeconds: 60 });
    this.failedVerificationsPerIp = rateLimits.limiter({ name: 'verify-failed-ip', points: 10, durationSeconds: 60 });
  }

  /** Same work and the same answer whether or not the address has an account. */
  async request(email: string, ip: string): Promise<void> {
    await this.linksPerIp.consume(ip);
    await this.linksPerEmail.consume(email);
    await this.issue(email, null, new Date(this.clock.now().getTime() + MAGIC_LINK_TTL_MS));
  }

  /** Invitation links last as long as their invitations (INVITATION_TTL_HOURS, decided by the leagues service). */
  async issueInvitations(emails: readonly string[], purpose: SignInPurpose, expiresAt: Date): Promise<void> {
    const now = this.clock.now().getTime();
    if (expiresAt.getTime() <= now || expiresAt.getTime() > now + this.config.invitationTtlMs + MAX_CLOCK_SKEW_MS) {
      throw new DomainError('VALIDATION_FAILED', 'An invitation must expire in the future and within INVITATION_TTL_HOURS.', {
        errors: [{ path: 'expiresAt', message: 'outside the invitation window' }],
      });
    }
    await Promise.all(emails.map((email) => this.issue(email, purpose, expiresAt)));
  }

  /** Issues and mails a link; the mail is sent in the background so the answer does not wait on SMTP. */
  private async issue(email: string, purpose: SignInPurpose | null, expiresAt: Date): Promise<void> {
    const token = newSecretToken();
    await this.links.create({ tokenHash: sha256(token), email, purpose, expiresAt });
    const link = `${this.config.publicUrl}/auth/callback?token=${token}`;
    void this.mailer.send(signInMail(email, link, purpose, expiresAt));
  }

  /**
   * Every attempt spends a point of the failure limit before it is judged (so a concurrent burst
   * cannot outrun the count); a successful sign-in gives it back.
   */
  async verify(token: string, ip: string): Promise<SignInResult> {
    await this.failedVerificationsPerIp.consume(ip);
    const tokenHash = sha256(token);
    const signedIn = await this.users.transaction(async (db) => {
      const link = await this.links.consume(db, tokenHash, this.clock.now());
      if (!link) return null;
      const user = await this.users.upsertByEmail(link.email, db);
      return { user, ...(await this.sessions.start(db, user)) };
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
