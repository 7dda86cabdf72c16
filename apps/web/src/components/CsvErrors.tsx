import type { RowError } from '../api/errors';

interface Props {
  errors: RowError[];
  /** The uploaded file, so each error sits next to the line it is about. */
  csv?: string;
}

interface LineReport {
  line: number;
  text: string | null;
  messages: string[];
}

/** Group the errors by line (header = line 1) and attach the file's text of that line. */
export function linesWithErrors(errors: RowError[], csv?: string): LineReport[] {
  const lines = csv?.split(/\r\n|\n|\r/) ?? [];
  const byLine = new Map<number, string[]>();
  for (const { line, message } of errors) {
    const messages = byLine.get(line) ?? [];
    messages.push(message);
    byLine.set(line, messages);
  }
  return [...byLine.entries()].sort(([a], [b]) => a - b).map(([line, messages]) => ({ line, messages, text: lines[line - 1] ?? null }));
}

/** The rows of a refused CSV, each with its line number, its content and what is wrong. */
export function CsvErrors({ errors, csv }: Props) {
  const reports = linesWithErrors(errors, csv);
  if (reports.length === 0) return null;
  return (
    <div className="csv-errors" data-testid="csv-errors" role="alert">
      <p className="csv-errors-summary">
        {reports.length === 1 ? '1 line needs fixing' : `${reports.length} lines need fixing`} — nothing was saved. Fix{' '}
        {reports.length === 1 ? 'it' : 'them'} and upload the whole file again.
      </p>
      <ol className="csv-lines">
        {reports.map((report) => (
          <li key={report.line} className="csv-line" data-testid={`csv-error-line-${report.line}`}>
            <span className="csv-line-number">Line {report.line}</span>
            {report.text !== null && <code className="csv-line-text">{report.text || '(empty line)'}</code>}
            <ul className="csv-line-messages">
              {report.messages.map((message, i) => (
                <li key={i}>{message}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}
