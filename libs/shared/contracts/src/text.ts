import { z } from 'zod';

/**
 * "Text we accept", defined once for every string of every request (bodies, queries, params,
 * socket payloads, cursors). Refused anywhere:
 * - C0 control characters U+0000–U+001F (NUL, which PostgreSQL cannot store, and also tab,
 *   CR and LF: every field is a single line, so no value can forge a log line or a mail header),
 * - DEL U+007F and the C1 controls U+0080–U+009F,
 * - the bidirectional overrides and isolates U+202A–U+202E and U+2066–U+2069 (they make a
 *   display name or league name read as something else),
 * - lone UTF-16 surrogates (not Unicode; they would be stored as U+FFFD).
 */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const REFUSED_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const REFUSED_TEXT_MESSAGE = 'must not contain control characters, bidirectional overrides or broken Unicode';

export function isAcceptedText(value: string): boolean {
  return !REFUSED_CHARACTER.test(value) && !LONE_SURROGATE.test(value);
}

export interface TextOptions {
  max: number;
  min?: number;
  /** Trim surrounding spaces before the length checks (names people type). */
  trim?: boolean;
}

/** A single-line string of accepted characters, `min`..`max` long. Use it for every string field. */
export function text({ max, min = 0, trim = false }: TextOptions) {
  const base = trim ? z.string().trim() : z.string();
  return base.min(min).max(max).refine(isAcceptedText, REFUSED_TEXT_MESSAGE);
}

/**
 * Text stored before these rules (or from another source) made safe for a single plain-text
 * line such as a mail subject: every refused character becomes a space, runs of spaces collapse.
 */
export function plainText(value: string): string {
  return value
    .replace(new RegExp(`${REFUSED_CHARACTER.source}|${LONE_SURROGATE.source}`, 'g'), ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** The largest value of a PostgreSQL `integer` column (sequence numbers, counters). */
export const MAX_INT32 = 2_147_483_647;

/**
 * Instants we store and page by: years 1 to 9999, what ISO 8601 writes with four digits and
 * every store and client reads. A cursor or date outside is refused, never sent to the database.
 */
export const INSTANT_RANGE = {
  min: Date.parse('0001-01-01T00:00:00.000Z'),
  max: Date.parse('9999-12-31T23:59:59.999Z'),
} as const;

export function isStorableInstant(date: Date): boolean {
  const time = date.getTime();
  return Number.isFinite(time) && time >= INSTANT_RANGE.min && time <= INSTANT_RANGE.max;
}

/** A page cursor that is a row's sequence number: digits only, within an `integer` column. */
export const seqCursor = text({ min: 1, max: 10 })
  .regex(/^\d+$/, 'must be a cursor from this list')
  .transform(Number)
  .pipe(z.number().int().min(0).max(MAX_INT32, 'must be a cursor from this list'));

/** An opaque cursor a service issued (base64url); the service decodes and checks its content. */
export const opaqueCursor = text({ min: 1, max: 400 }).regex(/^[A-Za-z0-9_-]+$/, 'must be a cursor from this list');
