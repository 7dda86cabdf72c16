/**
 * The one route table of the platform (SPEC §1). The local nginx, the Kubernetes Ingress and
 * the Helm chart are all generated from, or checked against, this file.
 */

/** The four deployable services, in the order they are started. */
export const SERVICES = ['auth', 'leagues', 'auction-engine', 'scoring'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** Where a public path goes: a service, the static web client, or any service (health). */
export type RouteTarget = ServiceName | 'web' | 'any';

export interface Route {
  /** A path prefix matched on segment boundaries (`/api/auth` matches `/api/auth/x`, not `/api/authx`). */
  path: string;
  target: RouteTarget;
  /** `exact` matches only the path itself. */
  match: 'prefix' | 'exact';
  /** Long-lived upgraded connections (Socket.IO); needs sticky routing for long-polling. */
  websocket?: boolean;
}

/** Public routes, most specific first. Anything else under `/api` is a 404; everything else is the web client. */
export const PUBLIC_ROUTES: readonly Route[] = [
  { path: '/api/health', target: 'any', match: 'exact' },
  { path: '/api/auth', target: 'auth', match: 'prefix' },
  { path: '/api/leagues', target: 'leagues', match: 'prefix' },
  { path: '/api/sports', target: 'leagues', match: 'prefix' },
  { path: '/api/assets', target: 'leagues', match: 'prefix' },
  { path: '/api/me', target: 'leagues', match: 'prefix' },
  { path: '/api/auctions', target: 'auction-engine', match: 'prefix' },
  { path: '/socket.io', target: 'auction-engine', match: 'prefix', websocket: true },
  { path: '/api/scoring', target: 'scoring', match: 'prefix' },
  { path: '/', target: 'web', match: 'prefix' },
];

/**
 * Service-to-service routes, reachable only on the internal listener (127.0.0.1 locally,
 * cluster-internal Services in Kubernetes); never routed by the public ingress.
 */
export const INTERNAL_ROUTES: readonly Route[] = [
  { path: '/internal/auth', target: 'auth', match: 'prefix' },
  { path: '/internal/leagues', target: 'leagues', match: 'prefix' },
  { path: '/internal/auctions', target: 'auction-engine', match: 'prefix' },
  { path: '/internal/scoring', target: 'scoring', match: 'prefix' },
];

/** Paths a service serves for probes and scrapes, never routed publicly. */
export const PRIVATE_PREFIXES = ['/internal', '/health', '/metrics'] as const;

/** Each service's OpenAPI document (`/api/<docs>/docs-json`), which follows its public prefix. */
export const OPENAPI_PATHS: Readonly<Record<ServiceName, string>> = {
  auth: '/api/auth/docs-json',
  leagues: '/api/leagues/docs-json',
  'auction-engine': '/api/auctions/docs-json',
  scoring: '/api/scoring/docs-json',
};

/** The environment variable through which the other services reach a service's `/internal` routes. */
export const SERVICE_URL_ENV: Readonly<Record<ServiceName, 'AUTH_URL' | 'LEAGUES_URL' | 'AUCTIONS_URL' | 'SCORING_URL'>> = {
  auth: 'AUTH_URL',
  leagues: 'LEAGUES_URL',
  'auction-engine': 'AUCTIONS_URL',
  scoring: 'SCORING_URL',
};

/** The public path prefixes of a service, as the ingress lists them. */
export function prefixesOf(target: RouteTarget, routes: readonly Route[] = PUBLIC_ROUTES): string[] {
  return routes.filter((r) => r.target === target).map((r) => r.path);
}

export function matches(route: Route, path: string): boolean {
  if (route.match === 'exact') return path === route.path;
  if (route.path === '/') return path.startsWith('/');
  return path === route.path || path.startsWith(`${route.path}/`);
}

/**
 * Where the public ingress sends a request path (query string ignored): the longest matching
 * route, `null` for private paths and unknown `/api` paths (404 at the edge).
 */
export function publicTarget(pathWithQuery: string): RouteTarget | null {
  const path = pathWithQuery.split('?')[0]!;
  if (PRIVATE_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`))) return null;
  const route = longestMatch(PUBLIC_ROUTES, path);
  if (!route) return null;
  if (route.target === 'web' && (path === '/api' || path.startsWith('/api/'))) return null;
  return route.target;
}

/** Where the internal listener sends a path, or `null` (404). */
export function internalTarget(pathWithQuery: string): ServiceName | null {
  const path = pathWithQuery.split('?')[0]!;
  const route = longestMatch(INTERNAL_ROUTES, path);
  return route ? (route.target as ServiceName) : null;
}

function longestMatch(routes: readonly Route[], path: string): Route | undefined {
  return routes.filter((r) => matches(r, path)).sort((a, b) => b.path.length - a.path.length)[0];
}
