import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import type { AppConfig } from '@auction/config';
import { counter, type Logger } from '@auction/observability';
import { APP_CONFIG, LOGGER } from './tokens.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** A link printed on the console when mail goes to the local outbox (standalone mode's inbox). */
  link: string;
  /** How the console names the link; "Sign-in link" unless given. */
  linkLabel?: string;
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  content: string;
  contentType: string;
}

const mailsSent = counter('mails_sent_total', 'Mails handed to SMTP or the outbox', ['result']);

/**
 * Every service's mail: sends through SMTP_URL, or writes `.eml` files (owner-only) to
 * DATA_DIR/outbox and prints the link, except in production, where a console is a log that others read.
 */
@Injectable()
export class Mailer {
  private readonly transport: Transporter;
  private readonly outbox: string | null;
  private readonly printLinks: boolean;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.outbox = config.smtpUrl ? null : join(config.dataDir, 'outbox');
    this.printLinks = config.nodeEnv !== 'production';
    if (this.outbox && !this.printLinks)
      logger.warn({ outbox: this.outbox }, 'SMTP_URL is not set: mail is kept in the outbox and links are not printed');
    this.transport = config.smtpUrl
      ? nodemailer.createTransport(config.smtpUrl)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  /** Never throws: a mail that cannot be sent is logged and counted, the caller's answer is unchanged. */
  async send(mail: Mail): Promise<void> {
    try {
      const info = await this.transport.sendMail({
        from: this.config.mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments: mail.attachments,
      });
      if (this.outbox) await this.writeToOutbox(info.message as Buffer, mail);
      mailsSent.inc({ result: 'sent' });
    } catch (error) {
      mailsSent.inc({ result: 'failed' });
      this.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'mail not sent');
    }
  }

  private async writeToOutbox(message: Buffer, mail: Mail): Promise<void> {
    await mkdir(this.outbox!, { recursive: true, mode: 0o700 });
    const file = join(this.outbox!, `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.to.replace(/[^a-z0-9@.-]/gi, '_')}.eml`);
    // A sign-in link is a password for 15 minutes: only the owner may read it.
    await writeFile(file, message, { mode: 0o600 });
    if (!this.printLinks) return;
    // Standalone mode's console is the inbox: the link is meant to be read here.
    process.stdout.write(`\n  ${mail.linkLabel ?? 'Sign-in link'} for ${mail.to}:\n  ${mail.link}\n\n`);
  }
}
