import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from './client';
import { ApiError } from './errors';
import { clearSession, getSession, setTokens } from './session';

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type, ...headers } });
}

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

function setup(handler: Handler) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init: init ?? {} });
    return handler(url, init ?? {});
  });
  const onSessionExpired = vi.fn();
  const client = createApiClient({
    fetch: fetchMock as unknown as typeof fetch,
    onSessionExpired,
    sleep: () => Promise.resolve(),
    lock: (_name, run) => run(),
  });
  return { client, calls, onSessionExpired };
}

const auth = (init: RequestInit) => (init.headers as Record<string, string>).authorization;

describe('api client', () => {
  beforeEach(() => {
    localStorage.clear();
    clearSession();
    setTokens({ accessToken: 'old-access', refreshToken: 'refresh-1', expiresIn: 900 });
  });
  afterEach(() => clearSession());

  it('sends the bearer token and JSON body, and returns the JSON answer', async () => {
    const { client, calls } = setup(() => json(201, { id: 'l1' }));
    await expect(client.post('/api/leagues', { name: 'A' })).resolves.toEqual({ id: 'l1' });
    expect(auth(calls[0]!.init)).toBe('Bearer old-access');
    expect(calls[0]!.init.body).toBe('{"name":"A"}');
  });

  it('sends CSV as text/csv', async () => {
    const { client, calls } = setup(() => json(200, { inserted: 1, updated: 0, errors: [] }));
    await client.postCsv('/api/scoring/leagues/x/fixtures', 'a,b\n1,2');
    expect((calls[0]!.init.headers as Record<string, string>)['content-type']).toBe('text/csv');
    expect(calls[0]!.init.body).toBe('a,b\n1,2');
  });

  it('refreshes once for concurrent 401s and retries each request', async () => {
    let refreshes = 0;
    const { client, calls } = setup(async (url, init) => {
      if (url === '/api/auth/refresh') {
        refreshes++;
        await Promise.resolve();
        return json(200, { accessToken: 'new-access', refreshToken: 'refresh-2', expiresIn: 900 });
      }
      return auth(init) === 'Bearer new-access'
        ? json(200, { url })
        : json(401, { code: 'TOKEN_EXPIRED', status: 401, title: 'Unauthorized', type: 'about:blank' });
    });
    const answers = await Promise.all([client.get('/api/a'), client.get('/api/b'), client.get('/api/c')]);
    expect(answers).toEqual([{ url: '/api/a' }, { url: '/api/b' }, { url: '/api/c' }]);
    expect(refreshes).toBe(1);
    expect(JSON.parse(String(calls.find((c) => c.url === '/api/auth/refresh')!.init.body))).toEqual({ refreshToken: 'refresh-1' });
    expect(getSession()).toMatchObject({ accessToken: 'new-access', refreshToken: 'refresh-2' });
    expect(localStorage.getItem('auction.refreshToken')).toBe('refresh-2');
  });

  it('goes to sign-in when the refresh is refused', async () => {
    const { client, onSessionExpired } = setup((url) =>
      url === '/api/auth/refresh' ? json(401, { code: 'TOKEN_REVOKED' }) : json(401, { code: 'UNAUTHORIZED' }),
    );
    await expect(client.get('/api/me/competitions')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
    expect(getSession().refreshToken).toBeNull();
  });

  it('turns problem+json into an ApiError with its code and Retry-After', async () => {
    const { client } = setup(() => json(429, { code: 'RATE_LIMITED', status: 429 }, { 'retry-after': '12' }));
    const error = await client.post('/api/auth/magic-link', { email: 'a@b.co' }, { auth: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfterSeconds: 12 });
  });

  it('retries a GET on a dropped connection, never a POST', async () => {
    let attempts = 0;
    const { client } = setup(() => {
      attempts++;
      if (attempts < 3) throw new TypeError('Failed to fetch');
      return json(200, { ok: true });
    });
    await expect(client.get('/api/x')).resolves.toEqual({ ok: true });
    attempts = 0;
    await expect(client.post('/api/y', {})).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(attempts).toBe(1);
  });
});
