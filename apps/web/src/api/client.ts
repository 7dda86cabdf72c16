import type { Problem, TokenPair } from '@auction/contracts';
import { ApiError, codeForStatus, isAppErrorCode } from './errors';
import { noteRequestId } from '../observability/errorReporting';
import { clearSession, getSession, reloadSession, setTokens } from './session';

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** JSON body. */
  json?: unknown;
  /** CSV text body, sent as `text/csv`. */
  csv?: string;
  /** A file's text with its content type (a match file: CSV or Cricsheet JSON). */
  file?: { text: string; contentType: string };
  query?: Query;
  /** Send the bearer token and refresh it on 401 (default true). */
  auth?: boolean;
  signal?: AbortSignal;
}

export interface ApiClientDeps {
  fetch?: typeof fetch;
  /** Called once the session cannot be refreshed: the app sends the user to sign-in. */
  onSessionExpired?: () => void;
  /** Waits between GET retries on flaky networks; injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  /** Serialises refreshes across tabs (Web Locks) when available. */
  lock?: <T>(name: string, run: () => Promise<T>) => Promise<T>;
}

const REFRESHABLE = new Set(['TOKEN_EXPIRED', 'UNAUTHORIZED', 'TOKEN_INVALID']);
const RETRYABLE_STATUS = new Set([502, 503, 504]);
const GET_RETRY_DELAYS = [400, 1500];

function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }
  return text;
}

function retryAfter(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

function toApiError(response: Response, body: unknown): ApiError {
  const problem = body && typeof body === 'object' ? (body as Partial<Problem>) : undefined;
  const code = isAppErrorCode(problem?.code) ? problem.code : codeForStatus(response.status);
  return new ApiError(code, response.status, { retryAfterSeconds: retryAfter(response), problem });
}

function defaultLock<T>(name: string, run: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request(name, run) as Promise<T>) : run();
}

export function createApiClient(deps: ApiClientDeps = {}) {
  const doFetch = deps.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const lock = deps.lock ?? defaultLock;
  let onSessionExpired = deps.onSessionExpired ?? (() => undefined);
  let refreshing: Promise<boolean> | null = null;

  function expire(): void {
    clearSession();
    onSessionExpired();
  }

  async function exchange(refreshToken: string): Promise<boolean> {
    let response: Response;
    try {
      response = await doFetch('/api/auth/refresh', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ refreshToken }),
      });
    } catch {
      throw new ApiError('NETWORK_ERROR', 0);
    }
    const body = await readBody(response);
    if (!response.ok) {
      if (response.status === 401 || response.status === 403 || response.status === 422) return false;
      throw toApiError(response, body);
    }
    setTokens(body as TokenPair);
    return true;
  }

  /** Refresh the token pair once, however many requests are waiting on it. */
  function refreshOnce(): Promise<boolean> {
    refreshing ??= (async () => {
      const startedWith = getSession().refreshToken;
      try {
        return await lock('auction-token-refresh', async () => {
          // Another tab may have refreshed while this one waited for the lock.
          const latest = reloadSession();
          if (latest.refreshToken && latest.refreshToken !== startedWith) return true;
          if (!latest.refreshToken) return false;
          return exchange(latest.refreshToken);
        });
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  async function send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    let body: BodyInit | undefined;
    if (options.csv !== undefined) {
      headers['content-type'] = 'text/csv';
      body = options.csv;
    } else if (options.file !== undefined) {
      headers['content-type'] = options.file.contentType;
      body = options.file.text;
    } else if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    if (token && options.auth !== false) headers.authorization = `Bearer ${token}`;
    try {
      const response = await doFetch(buildUrl(path, options.query), {
        method: options.method ?? 'GET',
        headers,
        body,
        signal: options.signal,
      });
      noteRequestId(response.headers.get('x-request-id'));
      return response;
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new ApiError('NETWORK_ERROR', 0);
    }
  }

  async function sendWithRetries(path: string, options: RequestOptions, token: string | null): Promise<Response> {
    const idempotent = (options.method ?? 'GET') === 'GET';
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await send(path, options, token);
        if (idempotent && RETRYABLE_STATUS.has(response.status) && attempt < GET_RETRY_DELAYS.length) {
          await sleep(GET_RETRY_DELAYS[attempt]!);
          continue;
        }
        return response;
      } catch (error) {
        const retry = idempotent && error instanceof ApiError && attempt < GET_RETRY_DELAYS.length;
        if (!retry || options.signal?.aborted) throw error;
        await sleep(GET_RETRY_DELAYS[attempt]!);
      }
    }
  }

  async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const useAuth = options.auth !== false;
    const tokenUsed = useAuth ? getSession().accessToken : null;
    let response = await sendWithRetries(path, options, tokenUsed);
    let body = await readBody(response);

    if (response.status === 401 && useAuth) {
      const error = toApiError(response, body);
      if (!REFRESHABLE.has(error.code)) {
        if (error.code === 'TOKEN_REVOKED') expire();
        throw error;
      }
      const current = getSession().accessToken;
      const fresh = current && current !== tokenUsed ? true : await refreshOnce();
      if (!fresh) {
        expire();
        throw new ApiError('UNAUTHORIZED', 401);
      }
      response = await sendWithRetries(path, options, getSession().accessToken);
      body = await readBody(response);
      if (response.status === 401) {
        expire();
        throw toApiError(response, body);
      }
    }

    if (!response.ok) throw toApiError(response, body);
    return body as T;
  }

  return {
    request,
    get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>(path, { query, signal }),
    post: <T>(path: string, json?: unknown, options: Omit<RequestOptions, 'json' | 'method'> = {}) =>
      request<T>(path, { ...options, method: 'POST', json }),
    patch: <T>(path: string, json: unknown) => request<T>(path, { method: 'PATCH', json }),
    delete: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
    postCsv: <T>(path: string, csv: string) => request<T>(path, { method: 'POST', csv }),
    postFile: <T>(path: string, file: { text: string; contentType: string }, query?: Record<string, string>) =>
      request<T>(path, { method: 'POST', file, query }),
    /** Refresh now (the socket uses this when its token is refused). */
    refresh: async (): Promise<boolean> => {
      const ok = await refreshOnce();
      if (!ok) expire();
      return ok;
    },
    setSessionExpiredHandler(handler: () => void) {
      onSessionExpired = handler;
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The app's client. */
export const api = createApiClient();
