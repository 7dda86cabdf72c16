import { describe, expect, it } from 'vitest';
import { MAX_SCHEDULE_MS, pauseEnd, reminderDue, scheduleProblem } from './schedule.js';

const now = new Date('2026-05-01T18:00:00.000Z');
const later = (ms: number) => new Date(now.getTime() + ms);

describe('scheduleProblem', () => {
  it('accepts a time in the future up to 60 days ahead', () => {
    expect(scheduleProblem(later(1), now)).toBeNull();
    expect(scheduleProblem(later(MAX_SCHEDULE_MS), now)).toBeNull();
  });

  it('refuses now, the past and beyond 60 days', () => {
    expect(scheduleProblem(now, now)).toMatch(/future/);
    expect(scheduleProblem(later(-60_000), now)).toMatch(/future/);
    expect(scheduleProblem(later(MAX_SCHEDULE_MS + 1), now)).toMatch(/60 days/);
  });
});

describe('reminderDue', () => {
  it('is due once the start is within the reminder lead time', () => {
    expect(reminderDue(later(15 * 60_000), now, 15)).toBe(true);
    expect(reminderDue(later(15 * 60_000 + 1), now, 15)).toBe(false);
  });
});

describe('pauseEnd', () => {
  it('is from + seconds, or null without a pause', () => {
    expect(pauseEnd(now, 3)).toEqual(later(3_000));
    expect(pauseEnd(now, 0)).toBeNull();
  });
});
