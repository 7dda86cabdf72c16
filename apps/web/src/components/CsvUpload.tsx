import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, describeError } from '../api/errors';
import { CsvErrors } from './CsvErrors';

interface Props<R> {
  title: string;
  /** The header row the file must start with. */
  header: string;
  hint?: ReactNode;
  upload: (csv: string) => Promise<R>;
  renderReport: (report: R) => ReactNode;
  testId: string;
  onDone?: (report: R) => void;
}

type UploadState<R> =
  { status: 'idle' } | { status: 'uploading' } | { status: 'done'; report: R } | { status: 'failed'; error: unknown; csv: string };

/** Pick a CSV file (or paste it), send it, and show the report or every bad line. */
export function CsvUpload<R>({ title, header, hint, upload, renderReport, testId, onDone }: Props<R>) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState('');
  const [state, setState] = useState<UploadState<R>>({ status: 'idle' });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const csv = file ? await file.text() : pasted;
    if (!csv.trim()) return;
    setState({ status: 'uploading' });
    try {
      const report = await upload(csv);
      setState({ status: 'done', report });
      onDone?.(report);
    } catch (error) {
      setState({ status: 'failed', error, csv });
    }
  }

  const rowErrors = state.status === 'failed' && state.error instanceof ApiError ? state.error.rowErrors : [];

  return (
    <form className="panel csv-upload" onSubmit={submit} data-testid={testId} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="hint">
        First line: <code>{header}</code>
      </p>
      {hint}
      <div className="field">
        <label htmlFor={`${id}-file`}>CSV file</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv"
          data-testid={`${testId}-file`}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <details>
        <summary>Or paste the rows</summary>
        <div className="field">
          <label htmlFor={`${id}-paste`}>CSV text</label>
          <textarea
            id={`${id}-paste`}
            rows={6}
            value={pasted}
            placeholder={header}
            onChange={(e) => setPasted(e.target.value)}
            data-testid={`${testId}-text`}
          />
        </div>
      </details>
      <button
        type="submit"
        className="button primary"
        disabled={state.status === 'uploading' || (!file && !pasted.trim())}
        data-testid={`${testId}-submit`}
      >
        {state.status === 'uploading' ? 'Uploading…' : 'Upload'}
      </button>
      <div aria-live="polite">
        {state.status === 'done' && renderReport(state.report)}
        {state.status === 'failed' &&
          (rowErrors.length > 0 ? (
            <CsvErrors errors={rowErrors} csv={state.csv} />
          ) : (
            <p className="notice error" role="alert">
              {describeError(state.error)}
            </p>
          ))}
      </div>
    </form>
  );
}
