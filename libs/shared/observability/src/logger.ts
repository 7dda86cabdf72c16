import { pino, type DestinationStream, type Logger } from 'pino';
import { scrubDatabaseText, scrubError } from './scrub-error.js';

export type { Logger } from 'pino';

/** Paths never written to logs: tokens, secrets and the bodies that carry them. */
const REDACT = [
  'token',
  'accessToken',
  'refreshToken',
  'inviteToken',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.inviteToken',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'body',
  'auth',
  // A proxy's maximum is private to its owner (SPEC §8).
  'maxAmount',
  '*.maxAmount',
];

/** `destination` is stdout unless given (tests capture the lines). */
export function createLogger(service: string, level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT, censor: '[redacted]' },
    formatters: { level: (label: string) => ({ level: label }) },
    // Database errors quote their bound parameters (tokens, emails): scrubbed wherever they appear.
    serializers: { err: scrubError },
    hooks: {
      logMethod(this: Logger, args: unknown[], method: (...args: unknown[]) => void) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? scrubDatabaseText(arg) : arg)),
        );
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Removes query strings (they may hold sign-in tokens) before a URL is logged. */
export function safePath(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}
