import { describe, expect, it } from 'vitest';
import { ServerClock } from '../auction/clock';
import { FakeSocket } from '../test/fakeSocket';
import { syncClock } from './timeSync';
import type { AppSocket } from './socket';

describe('syncClock', () => {
  it('measures round trips and keeps the one with the lowest RTT', async () => {
    let local = 1_000;
    const rtts = [300, 60, 200];
    const socket = new FakeSocket();
    socket.responders['time:sync'] = (payload) => {
      const { clientTime } = payload as { clientTime: number };
      const rtt = rtts.shift()!;
      local += rtt;
      // Server 10 s ahead; it stamps at the midpoint of the round trip, give or take jitter.
      return { clientTime, serverTime: clientTime + rtt / 2 + 10_000 + (rtt === 60 ? 0 : 40) };
    };
    const clock = new ServerClock(() => local);
    await syncClock(socket as unknown as AppSocket, clock, 3, () => local);
    expect(socket.sent('time:sync')).toHaveLength(3);
    expect(clock.best?.rtt).toBe(60);
    expect(clock.offset).toBe(10_000);
  });

  it('stops quietly when the server does not answer', async () => {
    const socket = new FakeSocket();
    socket.responders['time:sync'] = () => {
      throw new Error('not supported');
    };
    const clock = new ServerClock(() => 0);
    await syncClock(socket as unknown as AppSocket, clock, 3);
    expect(socket.sent('time:sync')).toHaveLength(1);
    expect(clock.synced).toBe(false);
  });
});
