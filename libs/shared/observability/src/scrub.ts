/**
 * What may leave the process in an error report: no tokens, no e-mail addresses, no request
 * bodies, cookies or auth headers. Pure, so the services and the web client share it.
 */

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** JWTs (three base64url parts starting `eyJ`) and bearer credentials. */
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g;
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/gi;
/** Sign-in, invite and refresh tokens travel in query strings and JSON fields named `*token*`. */
const TOKEN_PARAM = /([?&;]|\b)([A-Za-z]*token[A-Za-z]*)=([^&#\s"']+)/gi;
const TOKEN_FIELD = /("[A-Za-z]*token[A-Za-z]*"\s*:\s*)"[^"]*"/gi;

/** Fields dropped wherever they appear (compared lower-case). */
const SECRET_KEYS = new Set([
  'authorization',
  'cookie',
  'cookies',
  'set-cookie',
  'password',
  'email',
  'body',
  'data_body',
  'query_string',
  'ip_address',
]);

/** Request headers worth keeping; every other header is dropped. */
const KEPT_HEADERS = new Set(['x-request-id', 'user-agent', 'content-type', 'accept']);

export const REDACTED = '[redacted]';

export function scrubText(text: string): string {
  return text
    .replace(JWT, REDACTED)
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(TOKEN_FIELD, `$1"${REDACTED}"`)
    .replace(TOKEN_PARAM, `$1$2=${REDACTED}`)
    .replace(EMAIL, '[email]');
}

function isSecretKey(key: string): boolean {
  const lower = key.toLowerCase();
  return SECRET_KEYS.has(lower) || lower.includes('token') || lower.includes('secret');
}

/** A deep copy with secret fields removed and every string scrubbed. */
export function scrubValue<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return scrubText(value) as T;
  if (value === null || typeof value !== 'object' || depth > 12) return value;
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1)) as T;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (isSecretKey(key)) continue;
    out[key] = scrubValue(item, depth + 1);
  }
  return out as T;
}

interface ReportRequest {
  url?: string;
  method?: string;
  headers?: Record<string, string>;
}

interface ReportEvent {
  request?: ReportRequest;
  user?: { id?: string | number };
}

/** For `beforeSend`: no body, no query string, only harmless headers, the user by id only. */
export function scrubEvent<E extends ReportEvent>(event: E): E {
  const { request, user, ...rest } = event;
  const scrubbed = scrubValue(rest) as E;
  return {
    ...scrubbed,
    ...(request ? { request: scrubRequest(request) } : {}),
    ...(user?.id !== undefined ? { user: { id: String(user.id) } } : {}),
  };
}

function scrubRequest(request: ReportRequest): ReportRequest {
  const { url, headers, method } = request;
  const kept: ReportRequest = {};
  if (method) kept.method = method;
  if (url) kept.url = scrubText(url.split('?')[0]!);
  if (headers) {
    kept.headers = Object.fromEntries(
      Object.entries(headers)
        .filter(([name]) => KEPT_HEADERS.has(name.toLowerCase()))
        .map(([name, value]) => [name, scrubText(String(value))]),
    );
  }
  return kept;
}

/** For `beforeBreadcrumb`: URLs lose their query strings, messages and data are scrubbed. */
export function scrubBreadcrumb<B extends { data?: Record<string, unknown>; message?: string }>(breadcrumb: B): B {
  const data = breadcrumb.data
    ? Object.fromEntries(
        Object.entries(breadcrumb.data).map(([key, value]) => [
          key,
          typeof value === 'string' && /^(url|from|to)$/.test(key) ? value.split('?')[0] : value,
        ]),
      )
    : undefined;
  return scrubValue({ ...breadcrumb, ...(data ? { data } : {}) });
}

/**
 * The SDK's own collection switches (Sentry 11 replaced `sendDefaultPii` with these): no user
 * fields, cookies, bodies, query strings, local variables or database values; only harmless
 * request headers. The scrubbers above are the second line.
 */
export const DATA_COLLECTION = {
  userInfo: false as const,
  cookies: false,
  httpHeaders: { request: { allow: [...KEPT_HEADERS] }, response: false },
  httpBodies: [] as [],
  urlQueryParams: false,
  databaseQueryData: false,
  queues: false,
  stackFrameVariables: false,
  genAI: { inputs: false, outputs: false },
  mcp: { inputs: false, outputs: false },
  graphQL: { document: false, variables: false },
};
