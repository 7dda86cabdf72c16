import { describe, expect, it } from 'vitest';
import { ServerClock } from './clock';

function clockAt(start: number) {
  let local = start;
  const clock = new ServerClock(() => local);
  return { clock, advance: (ms: number) => (local += ms), now: () => local };
}

describe('ServerClock', () => {
  it('starts at the device clock when nothing is known', () => {
    const { clock } = clockAt(1_000);
    expect(clock.offset).toBe(0);
    expect(clock.now()).toBe(1_000);
    expect(clock.synced).toBe(false);
  });

  it('computes the offset of a round trip from its midpoint', () => {
    const { clock } = clockAt(10_000);
    // Sent at 1000, the server stamped 5100 and the answer came back at 1200: midpoint 1100.
    clock.addRoundTrip(1_000, 5_100, 1_200);
    expect(clock.offset).toBe(4_000);
    expect(clock.synced).toBe(true);
  });

  it('keeps the sample with the lowest round-trip time', () => {
    const { clock } = clockAt(0);
    clock.addRoundTrip(0, 2_150, 300); // rtt 300 → offset 2000
    clock.addRoundTrip(1_000, 3_020, 1_040); // rtt 40 → offset 2000
    clock.addRoundTrip(2_000, 4_500, 2_900); // rtt 900 → offset 2050 (noisy)
    expect(clock.best?.rtt).toBe(40);
    expect(clock.offset).toBe(2_000);
  });

  it('forgets old samples so a later fast sample can replace a stale one', () => {
    const clock = new ServerClock(() => 0, 2);
    clock.addRoundTrip(0, 1_005, 10); // rtt 10, offset 1000
    clock.addRoundTrip(0, 2_100, 200); // rtt 200, offset 2000
    clock.addRoundTrip(0, 2_050, 100); // rtt 100, offset 2000 — the rtt-10 sample drops out
    expect(clock.best?.rtt).toBe(100);
    expect(clock.offset).toBe(2_000);
  });

  it('ignores impossible samples', () => {
    const { clock } = clockAt(0);
    clock.addRoundTrip(500, 9_999, 400); // answered before it was sent
    clock.addServerTime('not a date');
    expect(clock.synced).toBe(false);
    expect(clock.offset).toBe(0);
  });

  it('uses the largest one-way offset until a round trip is measured', () => {
    const { clock } = clockAt(1_000);
    // Server stamps arrive after a delay, so they underestimate: the largest is the best.
    clock.addServerTime(new Date(1_500).toISOString(), 1_000); // offset 500 (delay unknown)
    clock.addServerTime(new Date(2_800).toISOString(), 2_000); // offset 800 (shorter delay)
    clock.addServerTime(new Date(3_100).toISOString(), 2_900); // offset 200 (slow message)
    expect(clock.offset).toBe(800);
    clock.addRoundTrip(3_000, 3_950, 3_100); // rtt 100 → offset 900
    expect(clock.offset).toBe(900);
    clock.addServerTime(new Date(10_000).toISOString(), 4_000); // one-way never beats a round trip
    expect(clock.offset).toBe(900);
  });

  it('counts down to a server deadline in server time', () => {
    const { clock, advance } = clockAt(1_000);
    clock.addRoundTrip(1_000, 61_000, 1_000); // the server is 60 s ahead
    const deadline = new Date(61_000 + 30_000).toISOString();
    expect(clock.msUntil(deadline)).toBe(30_000);
    advance(29_750);
    expect(clock.msUntil(deadline)).toBe(250);
  });

  it('lets two devices with different clocks agree on the time left within 250 ms', () => {
    const trueServer = 1_700_000_000_000;
    const deadline = trueServer + 20_000;
    // Phone A runs 7 s fast with a 180 ms round trip; phone B runs 3 s slow with 420 ms and asymmetric paths.
    const a = new ServerClock(() => trueServer + 7_000);
    a.addRoundTrip(trueServer + 7_000 - 180, trueServer - 90, trueServer + 7_000);
    const b = new ServerClock(() => trueServer - 3_000);
    b.addRoundTrip(trueServer - 3_000 - 420, trueServer - 100, trueServer - 3_000);
    b.addRoundTrip(trueServer - 3_000 - 900, trueServer - 800, trueServer - 3_000 - 100);
    const diff = Math.abs(a.msUntil(deadline) - b.msUntil(deadline));
    expect(diff).toBeLessThanOrEqual(250);
  });

  it('notifies subscribers when a better estimate arrives', () => {
    const { clock } = clockAt(0);
    let calls = 0;
    const unsubscribe = clock.subscribe(() => calls++);
    clock.addRoundTrip(0, 100, 10);
    unsubscribe();
    clock.addRoundTrip(0, 100, 10);
    expect(calls).toBe(1);
  });
});
