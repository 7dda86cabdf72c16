import type { RowReader } from './fields.js';

export interface MatchCsvOptions {
  /** When given, a row naming a match this returns false for is reported. */
  isKnownMatch?: (externalMatchId: string) => boolean;
}

export function readMatchId(reader: RowReader, { isKnownMatch }: MatchCsvOptions): string | undefined {
  const externalMatchId = reader.text('externalMatchId');
  if (externalMatchId === undefined || !isKnownMatch || isKnownMatch(externalMatchId)) return externalMatchId;
  return reader.fail(`externalMatchId "${externalMatchId}" is not a fixture of this league`);
}

/** Records the first line of each key and reports later repeats with `describe(firstLine)`. */
export function checkFirstOccurrence(
  reader: RowReader,
  key: string,
  firstLineOf: Map<string, number>,
  describe: (firstLine: number) => string,
): void {
  const firstLine = firstLineOf.get(key);
  if (firstLine === undefined) firstLineOf.set(key, reader.line);
  else reader.fail(describe(firstLine));
}

export function checkUniqueMatch(reader: RowReader, externalMatchId: string, firstLineOf: Map<string, number>): void {
  checkFirstOccurrence(reader, externalMatchId, firstLineOf, (firstLine) => {
    return `externalMatchId "${externalMatchId}" is already on line ${firstLine}`;
  });
}
