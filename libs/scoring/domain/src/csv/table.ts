import { parse } from 'csv-parse/sync';

export interface CsvError {
  /** 1-based; the header is line 1. */
  line: number;
  message: string;
}

export interface CsvParseResult<Row> {
  rows: Row[];
  errors: CsvError[];
}

export interface CsvRow {
  line: number;
  /** Trimmed, exactly one per header column. */
  cells: string[];
}

/**
 * Splits a file into rows that have exactly the expected columns. Each line is read on its own
 * so line numbers are exact and one malformed line never hides the ones after it; a value
 * spanning lines (a quoted newline) is therefore not supported, and no column here needs one.
 */
export function readCsvTable(text: string, columns: readonly string[]): CsvParseResult<CsvRow> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const headerError = checkHeader(lines[0] ?? '', columns);
  if (headerError) return { rows: [], errors: [headerError] };
  const rows: CsvRow[] = [];
  const errors: CsvError[] = [];
  lines.slice(1).forEach((text, index) => {
    const line = index + 2;
    const cells = splitLine(text);
    if (cells === null) errors.push({ line, message: 'is not valid CSV: a quoted value is not closed properly' });
    else if (cells.every((cell) => cell === '')) return;
    else if (cells.length !== columns.length) errors.push({ line, message: columnCountMessage(cells.length, columns) });
    else rows.push({ line, cells });
  });
  return { rows, errors };
}

export function formatCsvError({ line, message }: CsvError): string {
  return `line ${line}: ${message}`;
}

function checkHeader(headerLine: string, columns: readonly string[]): CsvError | undefined {
  const expected = columns.join(',');
  if (headerLine.trim() === '') {
    return { line: 1, message: `the first line must be the header "${expected}"` };
  }
  const found = splitLine(headerLine);
  if (found?.join(',') === expected) return undefined;
  return { line: 1, message: `the header must be exactly "${expected}" but is "${headerLine.trim()}"` };
}

/** Cells of one line, trimmed; null when its quoting is broken. */
function splitLine(text: string): string[] | null {
  // Most lines have no quotes; splitting them directly is much faster than a full parse.
  if (!text.includes('"')) return text.split(',').map((cell) => cell.trim());
  try {
    const [cells = []] = parse(text, { trim: true, relax_column_count: true });
    return cells;
  } catch {
    return null;
  }
}

function columnCountMessage(count: number, columns: readonly string[]): string {
  if (count < columns.length) {
    const missing = columns.slice(count).join(', ');
    return `has ${count} of ${columns.length} values: missing ${missing}`;
  }
  return `has ${count} values but the header has ${columns.length} columns (${count - columns.length} extra)`;
}
