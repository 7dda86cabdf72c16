import { describe, expect, it } from 'vitest';
import { parseZonedDateTime } from './fields.js';

describe('parseZonedDateTime', () => {
  it.each([
    ['2025-08-16T15:00:00Z', '2025-08-16T15:00:00.000Z'],
    ['2025-08-16T15:00Z', '2025-08-16T15:00:00.000Z'],
    ['2025-08-16T16:30:00+01:00', '2025-08-16T15:30:00.000Z'],
    ['2025-08-16T10:00:00-05:30', '2025-08-16T15:30:00.000Z'],
    ['2025-08-16T15:00:00.250Z', '2025-08-16T15:00:00.250Z'],
    ['2024-02-29T12:00:00z', '2024-02-29T12:00:00.000Z'],
  ])('reads %s', (value, iso) => {
    const parsed = parseZonedDateTime(value);
    expect(parsed instanceof Date ? parsed.toISOString() : parsed).toBe(iso);
  });

  it.each([
    ['2025-08-16T15:00:00', 'no-zone'],
    ['2025-13-01', 'malformed'],
    ['2025-08-16', 'malformed'],
    ['16/08/2025 15:00', 'malformed'],
    ['2025-08-16 15:00:00Z', 'malformed'],
    ['2025-08-16T15:00:00+0100', 'malformed'],
    ['2025-02-29T12:00:00Z', 'impossible'],
    ['2025-04-31T12:00:00Z', 'impossible'],
    ['2025-13-01T12:00:00Z', 'impossible'],
    ['2025-08-16T24:00:00Z', 'impossible'],
    ['2025-08-16T15:60:00Z', 'impossible'],
    ['2025-08-16T15:00:00+24:00', 'impossible'],
    ['0025-08-16T15:00:00Z', 'out-of-range'],
  ])('rejects %s as %s', (value, reason) => {
    expect(parseZonedDateTime(value)).toBe(reason);
  });
});
