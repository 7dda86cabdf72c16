import { parse } from 'csv-parse/sync';
import { DomainError } from '@auction/contracts';

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
  /** Trimmed, one per header column (with a prefix header, only the known columns). */
  cells: string[];
}

/** How one CSV format reads its rows. */
export interface CsvFormat<Row> {
  /** The header's columns, exactly; with `prefix`, the header may go on with columns that are ignored. */
  columns: readonly string[];
  prefix?: boolean;
  /** One row's value, or undefined when it recorded errors for the row. */
  read(row: CsvRow, errors: CsvError[]): Row | undefined;
}

/**
 * Reads a CSV file line by line as it arrives, so a large file is never held whole. Each line is
 * read on its own so line numbers are exact and one malformed line never hides the ones after it;
 * a value spanning lines (a quoted newline) is therefore not supported, and no column here needs
 * one. More than `maxRows` data rows is refused at once with 413 `PAYLOAD_TOO_LARGE`.
 */
export class CsvTable<Row> {
  readonly rows: Row[] = [];
  readonly errors: CsvError[] = [];
  private line = 0;
  private dataRows = 0;
  private headerWidth: number | null = null;

  constructor(
    private readonly format: CsvFormat<Row>,
    private readonly maxRows = Number.POSITIVE_INFINITY,
  ) {}

  /** The next line of the file, without its line end. */
  push(text: string): void {
    this.line += 1;
    const line = this.line;
    if (line === 1) return this.header(text.replace(/^\uFEFF/, ''));
    if (this.headerWidth === null) return;
    if (text.includes('\0')) {
      this.errors.push({ line, message: 'contains a NUL character, which no value may hold' });
      return;
    }
    const cells = splitLine(text);
    if (cells === null) return void this.errors.push({ line, message: 'is not valid CSV: a quoted value is not closed properly' });
    if (cells.every((cell) => cell === '')) return;
    this.dataRows += 1;
    if (this.dataRows > this.maxRows) throw tooManyRows(this.maxRows);
    const message = this.widthProblem(cells.length);
    if (message) return void this.errors.push({ line, message });
    const row = this.format.read({ line, cells: cells.slice(0, this.format.columns.length) }, this.errors);
    if (row !== undefined) this.rows.push(row);
  }

  result(): CsvParseResult<Row> {
    return { rows: this.rows, errors: byLine(this.errors) };
  }

  private header(text: string): void {
    const { columns, prefix } = this.format;
    const expected = columns.join(',');
    if (text.trim() === '') return void this.errors.push({ line: 1, message: `the first line must be the header "${expected}"` });
    const found = text.includes('\0') ? null : splitLine(text);
    const known = prefix ? found?.slice(0, columns.length) : found;
    if (found && known?.join(',') === expected) {
      this.headerWidth = found.length;
      return;
    }
    const shown = text.trim().replace(/\0/g, '\\0');
    const rule = prefix ? `begin with "${expected}"` : `be exactly "${expected}"`;
    this.errors.push({ line: 1, message: `the header must ${rule} but is "${shown.length > 200 ? `${shown.slice(0, 200)}…` : shown}"` });
  }

  private widthProblem(count: number): string | null {
    const { columns, prefix } = this.format;
    const width = prefix ? this.headerWidth! : columns.length;
    if (count >= columns.length && (prefix || count === width)) return null;
    if (count < columns.length) return `has ${count} of ${columns.length} values: missing ${columns.slice(count).join(', ')}`;
    return `has ${count} values but the header has ${width} columns (${count - width} extra)`;
  }
}

/** A whole file at once, for callers that already hold the text. */
export function parseCsv<Row>(text: string, format: CsvFormat<Row>): CsvParseResult<Row> {
  const table = new CsvTable(format);
  for (const line of text.split(/\r\n|\r|\n/)) table.push(line);
  return table.result();
}

/** Splits a file into rows that have exactly the expected columns. */
export function readCsvTable(text: string, columns: readonly string[]): CsvParseResult<CsvRow> {
  return parseCsv(text, { columns, read: (row) => row });
}

export function formatCsvError({ line, message }: CsvError): string {
  return `line ${line}: ${message}`;
}

/** Errors are recorded in the order they are found; a stable sort puts them in line order. */
export function byLine<T extends { line: number }>(errors: T[]): T[] {
  return errors.sort((a, b) => a.line - b.line);
}

function tooManyRows(maxRows: number): DomainError {
  return new DomainError(
    'PAYLOAD_TOO_LARGE',
    `This file has more than ${maxRows.toLocaleString('en-GB')} rows, the most one upload may have. Split it and upload each part.`,
    {
      errors: [{ line: maxRows + 2, message: `more than ${maxRows} rows` }],
    },
  );
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
