import * as Sentry from '@sentry/react';
import { DATA_COLLECTION, scrubBreadcrumb, scrubEvent } from '@auction/observability/scrub';

/** What the server tells the client at `/config.json` (see docs/operations.md, "Error reporting"). */
export interface ClientConfig {
  sentry: { dsn: string; environment: string; release: string } | null;
}

const OFF: ClientConfig = { sentry: null };

let enabled = false;
let lastRequestId: string | null = null;

/** The `x-request-id` of the latest API answer, so a crash can be matched with the server's logs. */
export function noteRequestId(requestId: string | null): void {
  if (requestId) lastRequestId = requestId;
}

function isClientConfig(value: unknown): value is ClientConfig {
  if (!value || typeof value !== 'object' || !('sentry' in value)) return false;
  const sentry = (value as { sentry: unknown }).sentry;
  if (sentry === null) return true;
  if (!sentry || typeof sentry !== 'object') return false;
  const { dsn, environment, release } = sentry as Record<string, unknown>;
  return typeof dsn === 'string' && typeof environment === 'string' && typeof release === 'string';
}

/** `/config.json`, or error reporting off when it is missing, slow or not what we expect. */
export async function loadClientConfig(timeoutMs = 2000): Promise<ClientConfig> {
  try {
    const response = await fetch('/config.json', { cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return OFF;
    const body: unknown = await response.json();
    return isClientConfig(body) ? body : OFF;
  } catch {
    return OFF;
  }
}

export function initErrorReporting(config: ClientConfig): void {
  if (!config.sentry || enabled) return;
  Sentry.init({
    dsn: config.sentry.dsn,
    environment: config.sentry.environment,
    release: config.sentry.release,
    dataCollection: DATA_COLLECTION,
    tracesSampleRate: 0,
    beforeSend: (event) => scrubEvent(event),
    beforeBreadcrumb: (breadcrumb) => scrubBreadcrumb(breadcrumb),
  });
  enabled = true;
}

/** A render error caught by the app's error boundary; one event per crash. */
export function reportRenderError(error: Error, componentStack: string | null | undefined): void {
  if (!enabled) return;
  Sentry.withScope((scope) => {
    scope.setTag('kind', 'render');
    if (lastRequestId) scope.setTag('request_id', lastRequestId);
    if (componentStack) scope.setContext('react', { componentStack });
    Sentry.captureException(error, { mechanism: { type: 'react.error-boundary', handled: true } });
  });
}
