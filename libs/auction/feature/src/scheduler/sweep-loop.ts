import type { Logger } from '@auction/observability';
import type { Clock } from '@auction/platform';
import { DueTimer } from './due-timer.js';

export interface SweepLoopOptions {
  clock: Clock;
  logger: Logger;
  pollMs: number;
  /** Names the loop in its log lines. */
  what: string;
  work: () => Promise<void>;
}

/**
 * The loop every replica runs for work that falls due at a time: a sweep every `pollMs`, and one
 * right at the earliest time the loop has learnt of (`watch`). A sweep asked for while one runs
 * runs once more after it; a failed sweep is logged and tried again at the next tick.
 */
export class SweepLoop {
  private poll: NodeJS.Timeout | undefined;
  private readonly timer: DueTimer;
  private sweeping = false;
  private sweepAgain = false;
  private halted = false;

  constructor(private readonly options: SweepLoopOptions) {
    this.timer = new DueTimer(options.clock, () => void this.sweep());
  }

  get stopped(): boolean {
    return this.halted;
  }

  start(): void {
    this.poll = setInterval(() => void this.sweep(), this.options.pollMs);
  }

  stop(): void {
    this.halted = true;
    clearInterval(this.poll);
    this.timer.stop();
  }

  watch(at: Date | null): void {
    this.timer.watch(at);
  }

  async sweep(): Promise<void> {
    if (this.halted) return;
    if (this.sweeping) {
      this.sweepAgain = true;
      return;
    }
    this.sweeping = true;
    try {
      do {
        this.sweepAgain = false;
        await this.options.work();
      } while (this.sweepAgain && !this.halted);
    } catch (error) {
      if (!this.halted) this.options.logger.warn({ err: (error as Error).message }, `${this.options.what} sweep failed; retrying`);
    } finally {
      this.sweeping = false;
    }
  }
}
