/** A CSV cell of an export (SPEC §8 "Exports"). Numbers are written as they are. */
export type CsvValue = string | number;

/**
 * One cell: quoted when it holds a comma, quote or line break; a text that a spreadsheet would
 * run as a formula (it begins with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`.
 */
export function csvCell(value: CsvValue): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows (header first) as a CSV document: CRLF line ends, one after the last row too. */
export function csvDocument(rows: ReadonlyArray<ReadonlyArray<CsvValue>>): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
