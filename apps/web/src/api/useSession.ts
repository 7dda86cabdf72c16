import { useSyncExternalStore } from 'react';
import { sessionStore, type Session } from './session';

export function useSession(): Session {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}

export function isSignedIn(session: Session): boolean {
  return !!(session.accessToken || session.refreshToken);
}
