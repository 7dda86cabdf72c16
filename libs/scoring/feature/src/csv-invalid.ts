import { DomainError } from '@auction/contracts';
import type { CsvError } from '@auction/scoring-domain';

/** A file with bad lines: 422 `CSV_INVALID` listing every one, and nothing stored. */
export function csvInvalid(errors: readonly CsvError[]): DomainError {
  const lines = new Set(errors.map((error) => error.line)).size;
  const summary = lines === 1 ? '1 line of the file is not valid' : `${lines} lines of the file are not valid`;
  return new DomainError('CSV_INVALID', `${summary}; nothing was imported. Fix them and upload the whole file again.`, {
    errors: errors.map(({ line, message }) => ({ line, message })),
  });
}
