import { DomainError } from '@auction/contracts';

/** An answer lists at most this many errors; `errorCount` tells how many there were. */
export const ERRORS_LISTED = 100;

type FileError = { line: number; message: string } | { path: string; message: string };

/** A file with bad lines (or, for JSON, bad paths): 422 `CSV_INVALID` listing the first 100, and nothing stored. */
export function csvInvalid(errors: readonly FileError[]): DomainError {
  const places = new Set(errors.map((error) => ('line' in error ? error.line : error.path))).size;
  const unit = errors.some((error) => 'line' in error) ? 'line' : 'place';
  const summary = places === 1 ? `1 ${unit} of the file is not valid` : `${places} ${unit}s of the file are not valid`;
  const shown = errors.length > ERRORS_LISTED ? ` (the first ${ERRORS_LISTED} of ${errors.length} errors are listed)` : '';
  return new DomainError('CSV_INVALID', `${summary}${shown}; nothing was imported. Fix them and upload the whole file again.`, {
    errors: errors.slice(0, ERRORS_LISTED).map((error) => ({ ...error })),
    errorCount: errors.length,
  });
}
