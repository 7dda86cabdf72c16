/** How far ahead an auction may be scheduled (SPEC §8). */
export const MAX_SCHEDULE_MS = 60 * 24 * 60 * 60 * 1000;

/** Why `startsAt` cannot be an auction's start time, or null when it can: in the future, at most 60 days ahead. */
export function scheduleProblem(startsAt: Date, now: Date): string | null {
  if (startsAt.getTime() <= now.getTime()) return 'The start time must be in the future.';
  if (startsAt.getTime() - now.getTime() > MAX_SCHEDULE_MS) return 'The start time can be at most 60 days ahead.';
  return null;
}

/** Whether the reminder mail is still to come: the start is further away than the reminder's lead time. */
export function reminderDue(startsAt: Date, now: Date, reminderMinutes: number): boolean {
  return startsAt.getTime() - now.getTime() <= reminderMinutes * 60_000;
}

/** When a pause of `seconds` after `from` ends; null when there is no pause (the next lot opens at once). */
export function pauseEnd(from: Date, seconds: number): Date | null {
  return seconds > 0 ? new Date(from.getTime() + seconds * 1000) : null;
}
