import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@auction/config';
import { APP_CONFIG, Mailer } from '@auction/platform';
import { newSecretToken, sha256 } from '../crypto-tokens.js';
import type { SignInPurpose } from '../db/schema/index.js';
import { signInMail } from '../mail/sign-in-mail.js';
import { MagicLinksRepository } from './magic-links.repository.js';

export const MAGIC_LINK_TTL_MS = 15 * 60 * 1000;

/** Where a sign-in link is made: a one-time token, stored only as its hash, mailed as a link. */
@Injectable()
export class SignInLinks {
  constructor(
    private readonly links: MagicLinksRepository,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Issues and mails a link; the mail is sent in the background so the answer does not wait on SMTP. */
  async issue(email: string, purpose: SignInPurpose | null, expiresAt: Date): Promise<void> {
    const token = newSecretToken();
    await this.links.create({ tokenHash: sha256(token), email, purpose, expiresAt });
    const link = `${this.config.publicUrl}/auth/callback?token=${token}`;
    void this.mailer.send(signInMail(email, link, purpose, expiresAt));
  }
}
