const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const london = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
});

/** Minutes UK clocks were ahead of UTC at `instantMs` (0 in winter, 60 in summer), as the zone database says. */
function londonOffsetMinutes(instantMs: number): number {
  const parts = Object.fromEntries(london.formatToParts(instantMs).map((part) => [part.type, Number(part.value)]));
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
  return Math.round((wall - Math.floor(instantMs / 60_000) * 60_000) / 60_000);
}

/**
 * The instant a UK wall-clock time names. Offsets come from the platform's time-zone database
 * (Intl), never from rules of our own. In the hour repeated when clocks go back, the earlier
 * (summer-time) instant is chosen; a time skipped when clocks go forward is read with the winter
 * offset, i.e. as the instant one hour later on the clock.
 */
export function ukLocalTime(year: number, month: number, day: number, hour: number, minute: number): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const offsets = [...new Set([londonOffsetMinutes(wall - DAY_MS), londonOffsetMinutes(wall + DAY_MS)])];
  const valid = offsets
    .map((offset) => wall - offset * 60_000)
    .filter((instant) => londonOffsetMinutes(instant) * 60_000 === wall - instant)
    .sort((a, b) => a - b);
  return new Date(valid[0] ?? wall - offsets[0]! * 60_000);
}
