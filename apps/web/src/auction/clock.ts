/**
 * The server's clock as seen from this device: `offset = serverTime − localTime`.
 *
 * - A round trip (`time:sync`) gives `offset = serverTime − (sent + received) / 2` with an
 *   error of at most RTT / 2, so the sample with the lowest RTT wins. Only recent samples
 *   are kept, so a device clock that jumps is corrected by the next syncs.
 * - A one-way server timestamp (snapshot, bid) arrives after an unknown delay, so it
 *   underestimates the offset by that delay: until a round trip is measured, the largest
 *   one-way offset seen is the best estimate.
 */
export interface ClockSample {
  offset: number;
  rtt: number;
  at: number;
}

export class ServerClock {
  private samples: ClockSample[] = [];
  private oneWay: number | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly localNow: () => number = () => Date.now(),
    private readonly maxSamples = 8,
  ) {}

  /** A `time:sync` round trip: sent and received on the local clock, server time in epoch ms. */
  addRoundTrip(sentAt: number, serverTime: number, receivedAt: number = this.localNow()): void {
    const rtt = receivedAt - sentAt;
    if (!Number.isFinite(rtt) || rtt < 0 || !Number.isFinite(serverTime)) return;
    this.samples.push({ offset: serverTime - (sentAt + rtt / 2), rtt, at: receivedAt });
    if (this.samples.length > this.maxSamples) this.samples.shift();
    this.emit();
  }

  /** A server timestamp carried by a message (ISO string or epoch ms), received now. */
  addServerTime(serverTime: string | number, receivedAt: number = this.localNow()): void {
    const server = typeof serverTime === 'number' ? serverTime : Date.parse(serverTime);
    if (!Number.isFinite(server)) return;
    const offset = server - receivedAt;
    if (this.oneWay === null || offset > this.oneWay) {
      this.oneWay = offset;
      if (this.samples.length === 0) this.emit();
    }
  }

  /** Forget one-way samples (e.g. after a reconnect the device clock may have moved). */
  resetOneWay(): void {
    this.oneWay = null;
  }

  /** The best sample: the round trip with the lowest RTT. */
  get best(): ClockSample | null {
    let best: ClockSample | null = null;
    for (const sample of this.samples) {
      if (!best || sample.rtt < best.rtt) best = sample;
    }
    return best;
  }

  get offset(): number {
    return this.best?.offset ?? this.oneWay ?? 0;
  }

  /** True once at least one round trip has been measured. */
  get synced(): boolean {
    return this.samples.length > 0;
  }

  /** Server time now, in epoch ms. */
  now(): number {
    return this.localNow() + this.offset;
  }

  /** Milliseconds until a server deadline (negative once passed). */
  msUntil(deadline: string | number): number {
    const at = typeof deadline === 'number' ? deadline : Date.parse(deadline);
    return at - this.now();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
