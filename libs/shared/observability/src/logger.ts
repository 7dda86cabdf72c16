import { pino, type Logger } from 'pino';

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
];

export function createLogger(service: string, level: string): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT, censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label }) },
  });
}

/** Removes query strings (they may hold sign-in tokens) before a URL is logged. */
export function safePath(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}
