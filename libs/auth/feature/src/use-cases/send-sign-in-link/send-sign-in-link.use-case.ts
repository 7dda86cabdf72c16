import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@auction/platform';
import { RateLimits, type Limiter } from '@auction/rate-limit';
import { MAGIC_LINK_TTL_MS, SignInLinks } from '../../magic-link/sign-in-links.js';

export interface SendSignInLinkInput {
  /** Normalised already. */
  email: string;
  ip: string;
}

/** `POST /api/auth/magic-link`: mails a sign-in link. Same work and the same answer whether or not the address has an account. */
@Injectable()
export class SendSignInLinkUseCase {
  private readonly linksPerEmail: Limiter;
  private readonly linksPerIp: Limiter;

  constructor(
    private readonly links: SignInLinks,
    rateLimits: RateLimits,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.linksPerEmail = rateLimits.limiter({ name: 'magic-link-email', points: 3, durationSeconds: 3600 });
    this.linksPerIp = rateLimits.limiter({ name: 'magic-link-ip', points: 30, durationSeconds: 60 });
  }

  async execute({ email, ip }: SendSignInLinkInput): Promise<void> {
    await this.linksPerIp.consume(ip);
    await this.linksPerEmail.consume(email);
    await this.links.issue(email, null, new Date(this.clock.now().getTime() + MAGIC_LINK_TTL_MS));
  }
}
