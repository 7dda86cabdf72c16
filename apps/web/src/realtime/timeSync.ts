import type { ServerClock } from '../auction/clock';
import type { AppSocket } from './socket';

/**
 * Measure a few `time:sync` round trips back to back and feed them to the clock, which keeps
 * the lowest-RTT sample. Stops quietly if the server does not answer.
 */
export async function syncClock(
  socket: Pick<AppSocket, 'connected' | 'timeout'>,
  clock: ServerClock,
  rounds = 5,
  now: () => number = () => Date.now(),
): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    if (!socket.connected) return;
    const sentAt = now();
    try {
      const answer = await socket.timeout(2500).emitWithAck('time:sync', { clientTime: sentAt });
      const receivedAt = now();
      if (typeof answer?.serverTime !== 'number') return;
      if (typeof answer.clientTime === 'number' && answer.clientTime !== sentAt) continue;
      clock.addRoundTrip(sentAt, answer.serverTime, receivedAt);
    } catch {
      return;
    }
  }
}
