/**
 * Errors as they may be logged or sent to Sentry: never a query's bound parameters (they carry
 * invite tokens, emails, hashes) nor the values PostgreSQL quotes back in its messages and
 * details. What stays is enough to act on: the SQL text with its `$1` placeholders, the error
 * class, PostgreSQL's code, constraint, table, column and routine, and the stack.
 */
const PARAMS = /\nparams: [\s\S]*$/;
/** `invalid input syntax for type uuid: "…"`, `value too long for type character varying(80): "…"` */
const QUOTED_VALUE = /: "(?:[^"\\]|\\.)*"/g;

export function scrubDatabaseText(text: string): string {
  return text.replace(PARAMS, '\nparams: [redacted]').replace(QUOTED_VALUE, ': "[redacted]"');
}

const KEPT_FIELDS = ['code', 'severity', 'constraint', 'table', 'column', 'schema', 'routine', 'query', 'status'] as const;

export interface ScrubbedError {
  type: string;
  message: string;
  stack?: string;
  cause?: ScrubbedError | string;
  [field: string]: unknown;
}

export function scrubError(error: unknown, depth = 0): ScrubbedError | string {
  if (!(error instanceof Error)) return scrubDatabaseText(String(error));
  const scrubbed: ScrubbedError = { type: error.name, message: scrubDatabaseText(error.message) };
  for (const field of KEPT_FIELDS) {
    const value = (error as unknown as Record<string, unknown>)[field];
    if (typeof value === 'string' || typeof value === 'number') scrubbed[field] = scrubDatabaseText(String(value));
  }
  if (error.stack) scrubbed.stack = scrubDatabaseText(error.stack);
  if (error.cause !== undefined && depth < 3) scrubbed.cause = scrubError(error.cause, depth + 1);
  return scrubbed;
}

/** A copy of the error fit for Sentry: same class name and stack frames, scrubbed text, no parameters. */
export function safeErrorCopy(error: unknown): Error {
  const scrubbed = scrubError(error);
  if (typeof scrubbed === 'string') return new Error(scrubbed);
  const copy = new Error(scrubbed.message);
  copy.name = scrubbed.type;
  if (scrubbed.stack) copy.stack = scrubbed.stack;
  return copy;
}
