import { emailSchema } from '@auction/contracts';
import { parse } from 'csv-parse/sync';

export const INVITATIONS_CSV_MAX_ROWS = 500;
/** 500 addresses of the longest kind fit in this; a larger file is refused (413) before it is read whole. */
export const INVITATIONS_CSV_MAX_BYTES = 256 * 1024;
const HEADER = 'email';
const SHOWN_VALUE_MAX = 60;

export interface InvitationCsvRow {
  line: number;
  email: string;
}

export interface CsvLineError {
  line: number;
  message: string;
}

export interface InvitationsCsv {
  rows: InvitationCsvRow[];
  errors: CsvLineError[];
}

interface SourceLine {
  line: number;
  text: string;
}

type Cells = { ok: true; values: string[] } | { ok: false; message: string };

/** Non-blank lines with their 1-based line numbers; an email never spans lines, so each line is parsed alone. */
function sourceLines(text: string): SourceLine[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .map((lineText, index) => ({ line: index + 1, text: lineText }))
    .filter((source) => source.text.trim() !== '');
}

function cellsOf(lineText: string): Cells {
  try {
    const [record = []] = parse(lineText, { relax_column_count: true });
    const values = record.map((cell) => cell.trim());
    // Spreadsheets often export trailing empty cells ("a@b.co,,"): they carry nothing.
    while (values.at(-1) === '') values.pop();
    return { ok: true, values };
  } catch {
    return { ok: false, message: 'This line is not valid CSV: check its quote marks.' };
  }
}

function shown(value: string): string {
  return value.length > SHOWN_VALUE_MAX ? `${value.slice(0, SHOWN_VALUE_MAX)}…` : value;
}

const EMPTY_FILE: CsvLineError = {
  line: 1,
  message: 'The file is empty. Its first line must be the header "email", then one email address per line.',
};

function headerError(header: SourceLine): CsvLineError | undefined {
  const cells = cellsOf(header.text);
  if (cells.ok && cells.values.length === 1 && cells.values[0]?.toLowerCase() === HEADER) return undefined;
  return {
    line: header.line,
    message: `The first line must be the header "email", but it is "${shown(header.text.trim())}".`,
  };
}

type RowResult = { row: InvitationCsvRow } | { error: CsvLineError } | { blank: true };

function parseRow(source: SourceLine): RowResult {
  const cells = cellsOf(source.text);
  if (!cells.ok) return { error: { line: source.line, message: cells.message } };
  if (cells.values.length === 0) return { blank: true };
  if (cells.values.length > 1) {
    return { error: { line: source.line, message: `Put one email address per line; this line has ${cells.values.length} values.` } };
  }
  const [raw = ''] = cells.values;
  const email = emailSchema.safeParse(raw);
  if (!email.success) return { error: { line: source.line, message: `"${shown(raw)}" is not a valid email address.` } };
  return { row: { line: source.line, email: email.data } };
}

function tooManyRows(line: number): CsvLineError {
  return {
    line,
    message: `A file can invite at most ${INVITATIONS_CSV_MAX_ROWS} people; this line is address number ${INVITATIONS_CSV_MAX_ROWS + 1}. Split the list into several files.`,
  };
}

/**
 * Reads an invitations file: header `email`, then one address per line. Blank lines are
 * skipped but still counted, so `line` is what the commissioner sees in an editor (header = 1).
 */
export function parseInvitationsCsv(text: string): InvitationsCsv {
  const [header, ...body] = sourceLines(text);
  if (!header) return { rows: [], errors: [EMPTY_FILE] };
  const badHeader = headerError(header);
  if (badHeader) return { rows: [], errors: [badHeader] };

  const rows: InvitationCsvRow[] = [];
  const errors: CsvLineError[] = [];
  const firstLineOf = new Map<string, number>();
  let count = 0;
  for (const source of body) {
    const result = parseRow(source);
    if ('blank' in result) continue;
    count += 1;
    if (count > INVITATIONS_CSV_MAX_ROWS) {
      errors.push(tooManyRows(source.line));
      break;
    }
    if ('error' in result) {
      errors.push(result.error);
      continue;
    }
    const earlier = firstLineOf.get(result.row.email);
    if (earlier !== undefined) {
      errors.push({ line: source.line, message: `${result.row.email} is already on line ${earlier}.` });
      continue;
    }
    firstLineOf.set(result.row.email, source.line);
    rows.push(result.row);
  }
  if (rows.length === 0 && errors.length === 0) {
    errors.push({ line: header.line + 1, message: 'The file has no email addresses after the header.' });
  }
  return { rows, errors };
}
