/**
 * A bid accepted with less than the anti-snipe window left pushes the deadline to
 * serverTime + window; the deadline never moves earlier.
 */
export function deadlineAfterBid(endsAt: Date, serverTime: Date, antiSnipeSeconds: number): Date {
  const windowMs = antiSnipeSeconds * 1000;
  const remainingMs = endsAt.getTime() - serverTime.getTime();
  if (remainingMs >= windowMs) return new Date(endsAt.getTime());
  return new Date(Math.max(endsAt.getTime(), serverTime.getTime() + windowMs));
}

/** Time left on a lot at the moment of pausing; what the pause freezes. */
export function pausedRemainingMs(endsAt: Date, now: Date): number {
  return Math.max(0, endsAt.getTime() - now.getTime());
}

/** The fresh deadline when resuming with the frozen remaining time. */
export function resumedDeadline(remainingMs: number, now: Date): Date {
  return new Date(now.getTime() + Math.max(0, remainingMs));
}

/** Milliseconds left before a deadline as seen at `now` (0 once passed, 0 without a deadline). */
export function remainingMs(endsAt: Date | null, now: Date): number {
  return endsAt === null ? 0 : pausedRemainingMs(endsAt, now);
}
