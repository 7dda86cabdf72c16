import type { TokenPair, User } from '@auction/contracts';
import { storage } from '../lib/storage';
import { createStore } from '../lib/store';

const KEYS = {
  access: 'auction.accessToken',
  refresh: 'auction.refreshToken',
  user: 'auction.user',
  next: 'auction.nextPath',
} as const;

export interface Session {
  accessToken: string | null;
  refreshToken: string | null;
  user: User | null;
}

function readUser(): User | null {
  const raw = storage.get(KEYS.user);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as User;
  } catch {
    return null;
  }
}

function readSession(): Session {
  return {
    accessToken: storage.get(KEYS.access),
    refreshToken: storage.get(KEYS.refresh),
    user: readUser(),
  };
}

/**
 * The signed-in session: the access token lives in memory (and in localStorage so a reload
 * keeps it), the refresh token in localStorage. Other tabs see changes through `storage` events.
 */
export const sessionStore = createStore<Session>(readSession());

export function getSession(): Session {
  return sessionStore.get();
}

export function setTokens(pair: TokenPair, user?: User): void {
  storage.set(KEYS.access, pair.accessToken);
  storage.set(KEYS.refresh, pair.refreshToken);
  if (user) storage.set(KEYS.user, JSON.stringify(user));
  const current = sessionStore.get();
  sessionStore.set({
    accessToken: pair.accessToken,
    refreshToken: pair.refreshToken,
    user: user ?? current.user,
  });
}

export function setUser(user: User): void {
  storage.set(KEYS.user, JSON.stringify(user));
  sessionStore.set({ ...sessionStore.get(), user });
}

export function clearSession(): void {
  storage.set(KEYS.access, null);
  storage.set(KEYS.refresh, null);
  storage.set(KEYS.user, null);
  sessionStore.set({ accessToken: null, refreshToken: null, user: null });
}

/** Re-read storage: another tab may have refreshed the tokens. */
export function reloadSession(): Session {
  const fresh = readSession();
  const current = sessionStore.get();
  if (fresh.accessToken !== current.accessToken || fresh.refreshToken !== current.refreshToken || fresh.user?.id !== current.user?.id) {
    sessionStore.set(fresh);
  }
  return sessionStore.get();
}

/** The signed-in user's id: from the stored user, else from the access token's `sub`. */
export function currentUserId(session: Session = sessionStore.get()): string | null {
  if (session.user) return session.user.id;
  if (!session.accessToken) return null;
  try {
    const payload = session.accessToken.split('.')[1];
    if (!payload) return null;
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as { sub?: unknown };
    return typeof claims.sub === 'string' ? claims.sub : null;
  } catch {
    return null;
  }
}

/** Where to go after signing in (set when a signed-out visitor opens a protected page). */
export function rememberNextPath(path: string | null): void {
  storage.set(KEYS.next, path);
}

export function takeNextPath(): string | null {
  const path = storage.get(KEYS.next);
  storage.set(KEYS.next, null);
  // Only same-site paths: never navigate to another origin from stored state.
  return path && path.startsWith('/') && !path.startsWith('//') ? path : null;
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === null || Object.values(KEYS).includes(event.key as (typeof KEYS)[keyof typeof KEYS])) {
      reloadSession();
    }
  });
}
