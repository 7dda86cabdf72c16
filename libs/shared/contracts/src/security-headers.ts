/**
 * The browser security policy every answer carries, defined once: the services send it through
 * helmet (`@auction/platform`), standalone mode with them, and the generated nginx configs of
 * the web image and the cluster send the same values for the web client's files.
 * The web client is built to run under it: no inline script or style, same-origin API and socket.
 */
export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  // The favicon is a data: URL in index.html.
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  // API calls and the Socket.IO connection (ws:/wss: on the same origin) only.
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The policy as one header value. `suffixes` are appended to a directive's sources as they are
 * (the web image's nginx appends `$sentry_connect_src`, which is empty or " <origin>").
 */
export function contentSecurityPolicy(suffixes: Readonly<Record<string, string>> = {}): string {
  return Object.entries(CONTENT_SECURITY_POLICY)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}${suffixes[directive] ?? ''}`)
    .join(';'); // as helmet writes it, so every server sends the identical value
}

/** Headers on every answer, whatever serves it. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy(),
  'X-Content-Type-Options': 'nosniff',
  // Sign-in links carry their token in the URL: no page ever sends a Referer.
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Only on answers to requests that arrived over TLS (browsers ignore it over plain HTTP anyway). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/** API answers are per user and may carry tokens: never stored by a browser or a proxy. */
export const API_CACHE_CONTROL = 'no-store';
/** The web client: hashed assets forever, index.html revalidated on every load. */
export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';
export const PAGE_CACHE_CONTROL = 'no-cache';
