import type { CsvError, CsvRow } from './table.js';

export const MAX_TEXT_LENGTH = 100;

/** Reads one row's values by column name, recording a plain-English error for each bad one. */
export class RowReader {
  private readonly errorCount: number;

  constructor(
    private readonly row: CsvRow,
    private readonly columns: readonly string[],
    private readonly errors: CsvError[],
  ) {
    this.errorCount = errors.length;
  }

  get line(): number {
    return this.row.line;
  }

  /** True when no error was recorded for this row. */
  get ok(): boolean {
    return this.errors.length === this.errorCount;
  }

  fail(message: string): undefined {
    this.errors.push({ line: this.row.line, message });
    return undefined;
  }

  /** The cell as written (trimmed), blank or not. */
  raw(column: string): string {
    return this.row.cells[this.columns.indexOf(column)] ?? '';
  }

  text(column: string): string | undefined {
    const value = this.raw(column);
    if (value === '') return this.fail(`${column} is blank`);
    if (value.length > MAX_TEXT_LENGTH) return this.fail(`${column} is longer than ${MAX_TEXT_LENGTH} characters`);
    return value;
  }

  /** A whole number from 0 to `max`. */
  count(column: string, max: number): number | undefined {
    const value = this.text(column);
    if (value === undefined) return undefined;
    if (/^-\d+$/.test(value)) return this.fail(`${column} "${value}" is negative`);
    if (!/^\d+$/.test(value)) return this.fail(`${column} "${value}" is not a whole number`);
    const number = Number(value);
    if (number > max) return this.fail(`${column} ${value} is more than the maximum of ${max}`);
    return number;
  }

  /** An ISO 8601 date-time that names its zone (Z or ±hh:mm). */
  dateTime(column: string): Date | undefined {
    const value = this.text(column);
    if (value === undefined) return undefined;
    const parsed = parseZonedDateTime(value);
    if (parsed === 'no-zone') {
      return this.fail(`${column} "${value}" has no zone: add Z or an offset such as +01:00`);
    }
    if (parsed === 'out-of-range') {
      return this.fail(`${column} "${value}" is not between the years ${YEAR_RANGE.min} and ${YEAR_RANGE.max}`);
    }
    if (parsed === 'impossible') return this.fail(`${column} "${value}" is not a real date and time`);
    if (parsed === 'malformed') {
      return this.fail(`${column} "${value}" is not an ISO 8601 date with a zone, such as 2025-08-16T15:00:00Z`);
    }
    return parsed;
  }
}

const ZONED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/i;

export const YEAR_RANGE = { min: 1900, max: 2100 } as const;

type DateTimeParse = Date | 'malformed' | 'no-zone' | 'impossible' | 'out-of-range';

export function parseZonedDateTime(value: string): DateTimeParse {
  const match = ZONED.exec(value);
  if (!match) return 'malformed';
  const [, year, month, day, hour, minute, second = '0', fraction = '', zone] = match;
  if (zone === undefined) return 'no-zone';
  const parts = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  const offsetMinutes = zoneOffsetMinutes(zone);
  const [y, mo, d, h, mi, s] = parts;
  if (y < YEAR_RANGE.min || y > YEAR_RANGE.max) return 'out-of-range';
  if (!isPossible(...parts) || offsetMinutes === null) return 'impossible';
  const ms = Math.floor(Number(`0${fraction || '.0'}`) * 1000);
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMinutes * 60_000);
}

function isPossible(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Minutes east of UTC, or null for an offset no zone has (hours over 23 or minutes over 59). */
function zoneOffsetMinutes(zone: string): number | null {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const [hours, minutes] = zone.slice(1).split(':').map(Number) as [number, number];
  if (hours > 23 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}
