import { describe, expect, it } from 'vitest';
import { INTERNAL_ROUTES, OPENAPI_PATHS, PUBLIC_ROUTES, SERVICES, internalTarget, prefixesOf, publicTarget } from './routes.js';

describe('the route table', () => {
  it('is exactly the ingress of SPEC §1', () => {
    expect(Object.fromEntries(PUBLIC_ROUTES.map((r) => [r.path, r.target]))).toEqual({
      '/api/auth': 'auth',
      '/api/leagues': 'leagues',
      '/api/sports': 'leagues',
      '/api/assets': 'leagues',
      '/api/me': 'leagues',
      '/api/auctions': 'auction-engine',
      '/socket.io': 'auction-engine',
      '/api/scoring': 'scoring',
      '/api/health': 'any',
      '/': 'web',
    });
    expect(prefixesOf('leagues')).toEqual(['/api/leagues', '/api/sports', '/api/assets', '/api/me']);
    expect(PUBLIC_ROUTES.filter((r) => r.websocket).map((r) => r.path)).toEqual(['/socket.io']);
  });

  it.each([
    ['/api/auth/magic-link', 'auth'],
    ['/api/auth', 'auth'],
    ['/api/leagues/join', 'leagues'],
    ['/api/sports', 'leagues'],
    ['/api/assets?sport=football&q=ars', 'leagues'],
    ['/api/me/competitions', 'leagues'],
    ['/api/auctions/0b0e/bids', 'auction-engine'],
    ['/socket.io/?EIO=4&transport=polling', 'auction-engine'],
    ['/api/scoring/leagues/1/leaderboard', 'scoring'],
    ['/api/health', 'any'],
    ['/', 'web'],
    ['/leagues/123/auction', 'web'],
    ['/auth/callback?token=abc', 'web'],
    ['/assets/index-abc.js', 'web'],
  ] as const)('sends %s to %s', (path, target) => {
    expect(publicTarget(path)).toBe(target);
  });

  it('matches prefixes on segment boundaries and refuses unknown API paths', () => {
    expect(publicTarget('/api/authx')).toBeNull();
    expect(publicTarget('/api/meetings')).toBeNull();
    expect(publicTarget('/api/health/deep')).toBeNull();
    expect(publicTarget('/api')).toBeNull();
    expect(publicTarget('/socket.iox')).toBe('web');
  });

  it('routes each OpenAPI document to its own service', () => {
    for (const service of SERVICES) expect(publicTarget(OPENAPI_PATHS[service])).toBe(service);
  });

  it('never routes internal, probe or metrics paths publicly', () => {
    for (const path of [
      '/internal/auth/users/1',
      '/internal/leagues',
      '/internal/auctions/x',
      '/internal/scoring/y',
      '/health/live',
      '/health/ready',
      '/metrics',
    ]) {
      expect(publicTarget(path)).toBeNull();
    }
  });

  it('routes internal paths to their owners only on the internal listener', () => {
    expect(INTERNAL_ROUTES.map((r) => [r.path, r.target])).toEqual([
      ['/internal/auth', 'auth'],
      ['/internal/leagues', 'leagues'],
      ['/internal/auctions', 'auction-engine'],
      ['/internal/scoring', 'scoring'],
    ]);
    expect(internalTarget('/internal/leagues/leagues/1/managers')).toBe('leagues');
    expect(internalTarget('/internal/auctions')).toBe('auction-engine');
    expect(internalTarget('/internal/authx')).toBeNull();
    expect(internalTarget('/api/auth/me')).toBeNull();
  });
});
