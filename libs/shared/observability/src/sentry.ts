import { readFileSync } from 'node:fs';
import * as Sentry from '@sentry/node';
import { DATA_COLLECTION, scrubBreadcrumb, scrubEvent } from './scrub.js';
import { safeErrorCopy } from './scrub-error.js';

export interface SentryOptions {
  dsn: string | undefined;
  service: string;
  environment: string;
  /** Defaults to `auction-platform@<version of the root package.json>`. */
  release?: string;
}

let enabled = false;

/** The platform's release name, shared by the services and the web client's config. */
export function defaultRelease(): string {
  // libs/shared/observability/{src,dist}/sentry.* → the repository's package.json.
  const pkg = JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
  return `${pkg.name}@${pkg.version}`;
}

/** Sentry is on only when a DSN is configured; what it sends is scrubbed (no PII, tokens or bodies). */
export function initSentry(options: SentryOptions): void {
  if (!options.dsn || enabled) return;
  Sentry.init({
    dsn: options.dsn,
    environment: options.environment,
    release: options.release ?? defaultRelease(),
    serverName: options.service,
    initialScope: { tags: { service: options.service } },
    dataCollection: DATA_COLLECTION,
    tracesSampleRate: 0,
    beforeSend: (event) => scrubEvent(event),
    beforeBreadcrumb: (breadcrumb) => scrubBreadcrumb(breadcrumb),
  });
  enabled = true;
}

export function captureError(error: unknown, requestId?: string): void {
  if (!enabled) return;
  Sentry.withScope((scope) => {
    if (requestId) scope.setTag('request_id', requestId);
    Sentry.captureException(safeErrorCopy(error));
  });
}

/** Sends what is queued (at shutdown); resolves at once when Sentry is off. */
export async function flushSentry(timeoutMs = 2000): Promise<void> {
  if (enabled) await Sentry.flush(timeoutMs);
}
