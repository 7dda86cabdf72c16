import type { Clock } from '@auction/platform';

const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * One timeout armed for the earliest moment a loop has learnt about (a lot deadline, the end of
 * a gap, a scheduled start), so the work happens right at it rather than at the next poll.
 */
export class DueTimer {
  private timer: NodeJS.Timeout | undefined;
  private dueAt: number | null = null;
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly onDue: () => void,
  ) {}

  watch(at: Date | null): void {
    if (!at || this.stopped) return;
    const time = at.getTime();
    if (this.dueAt !== null && this.dueAt <= time) return;
    const delay = Math.max(0, time - this.clock.now().getTime()) + 2;
    // Beyond setTimeout's range (about 24 days) the loop's poll finds it when it comes near.
    if (delay > MAX_TIMEOUT_MS) return;
    clearTimeout(this.timer);
    this.dueAt = time;
    this.timer = setTimeout(() => {
      this.dueAt = null;
      this.onDue();
    }, delay);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
