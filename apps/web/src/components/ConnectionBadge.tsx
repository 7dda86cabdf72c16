import { useSyncExternalStore } from 'react';
import { connectionStore, type ConnectionState } from '../realtime/socket';

const TEXT: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline — waiting for network',
};

/** The live connection, always visible where real-time matters. */
export function ConnectionBadge() {
  const state = useSyncExternalStore(connectionStore.subscribe, connectionStore.get);
  return (
    <p className={`connection connection-${state}`} role="status" aria-live="polite" data-testid="connection-state" data-state={state}>
      <span className="dot" aria-hidden="true" />
      {TEXT[state]}
    </p>
  );
}
