import * as Sentry from '@sentry/node';
import { safeErrorCopy } from './scrub.js';

let enabled = false;

/** Sentry is on only when a DSN is configured. */
export function initSentry(dsn: string | undefined, service: string, environment: string): void {
  if (!dsn || enabled) return;
  Sentry.init({ dsn, environment, serverName: service, tracesSampleRate: 0 });
  enabled = true;
}

export function captureError(error: unknown, requestId?: string): void {
  if (!enabled) return;
  Sentry.withScope((scope) => {
    if (requestId) scope.setTag('request_id', requestId);
    Sentry.captureException(safeErrorCopy(error));
  });
}
