import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface CapturedMail {
  to: string;
  subject: string;
  text: string;
  link: string | null;
  token: string | null;
  /** Every header line as received (`Key: value`, folded lines joined). */
  headerLines: string[];
  /** RCPT TO addresses of the SMTP envelope: who actually receives the mail. */
  envelopeTo: string[];
  attachments: Array<{ filename: string; contentType: string; content: string }>;
}

/** A real SMTP server that keeps every mail it receives, for tests to read. */
export class TestSmtpServer {
  readonly mails: CapturedMail[] = [];
  private readonly waiters: Array<{ to: string; resolve: (mail: CapturedMail) => void }> = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, session, callback) => {
      const envelopeTo = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
      simpleParser(stream)
        .then((parsed) => this.receive(parsed, envelopeTo))
        .then(() => callback(), callback);
    },
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  /** Resolves with the next mail to this address (or one already received and not yet taken). */
  nextMail(to: string, timeoutMs = 10_000): Promise<CapturedMail> {
    const index = this.mails.findIndex((m) => m.to === to);
    if (index >= 0) return Promise.resolve(this.mails.splice(index, 1)[0]!);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no mail to ${to} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ to, resolve: (mail) => (clearTimeout(timer), resolve(mail)) });
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private receive(parsed: ParsedMail, envelopeTo: string[]): void {
    const to = addressOf(parsed);
    const text = parsed.text ?? '';
    const link = text.match(/https?:\/\/\S+\/auth\/callback\?token=[A-Za-z0-9_-]+/)?.[0] ?? null;
    const attachments = parsed.attachments.map((a) => ({
      filename: a.filename ?? '',
      contentType: a.contentType,
      content: a.content.toString('utf8'),
    }));
    const headerLines = parsed.headerLines.map((h) => h.line.replace(/\r?\n[ \t]+/g, ' '));
    const mail = {
      to,
      subject: parsed.subject ?? '',
      text,
      link,
      token: link ? new URL(link).searchParams.get('token') : null,
      headerLines,
      envelopeTo,
      attachments,
    };
    const waiter = this.waiters.findIndex((w) => w.to === to);
    if (waiter >= 0) this.waiters.splice(waiter, 1)[0]!.resolve(mail);
    else this.mails.push(mail);
  }
}

function addressOf(parsed: ParsedMail): string {
  const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
  return to?.value[0]?.address?.toLowerCase() ?? '';
}
