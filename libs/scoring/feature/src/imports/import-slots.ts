/**
 * How many match files one process reads and stores at once; more wait their turn. A lot's close,
 * health checks and bids share the process (and its CPU) with imports, so a burst of large uploads
 * queues instead of crowding them out (docs/match-data.md "Limits").
 */
export const IMPORTS_AT_ONCE = 2;

/** A first-come, first-served limit on concurrent work. */
export class ImportSlots {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly size = IMPORTS_AT_ONCE) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
