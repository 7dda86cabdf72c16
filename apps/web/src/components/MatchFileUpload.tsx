import { useId, useState, type FormEvent } from 'react';
import type { MatchImportReport } from '@auction/contracts';
import { ApiError, describeError } from '../api/errors';
import { formatDateTime } from '../lib/format';
import { FORMAT_LABELS, prepareMatchFile, type PreparedFile } from '../lib/matchFiles';
import { CsvErrors } from './CsvErrors';

/** Rows of a preview shown before "and N more". */
const PREVIEW_ROWS = 50;

type Send = (file: PreparedFile, dryRun: boolean) => Promise<MatchImportReport>;

type State =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'preview'; file: PreparedFile; report: MatchImportReport }
  | { status: 'saving'; file: PreparedFile; report: MatchImportReport }
  | { status: 'done'; report: MatchImportReport }
  | { status: 'failed'; error: unknown; text: string };

interface Props {
  send: Send;
  onDone?: (report: MatchImportReport) => void;
}

/**
 * One upload for every match file: fixtures and results CSVs, football-data.co.uk season files and
 * Cricsheet match files. The file is checked first (a dry run): the page says which format it
 * recognised and what would change, and nothing is stored until the commissioner confirms.
 */
export function MatchFileUpload({ send, onDone }: Props) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState('');
  const [state, setState] = useState<State>({ status: 'idle' });

  async function check(event: FormEvent) {
    event.preventDefault();
    const text = file ? await file.text() : pasted;
    if (!text.trim()) return;
    const prepared = prepareMatchFile(text);
    setState({ status: 'checking' });
    try {
      setState({ status: 'preview', file: prepared, report: await send(prepared, true) });
    } catch (error) {
      setState({ status: 'failed', error, text });
    }
  }

  async function confirm() {
    if (state.status !== 'preview') return;
    setState({ ...state, status: 'saving' });
    try {
      const report = await send(state.file, false);
      setState({ status: 'done', report });
      onDone?.(report);
    } catch (error) {
      setState({ status: 'failed', error, text: state.file.text });
    }
  }

  const busy = state.status === 'checking' || state.status === 'saving';
  return (
    <div className="panel csv-upload" data-testid="match-upload">
      <h2 id={`${id}-title`}>Upload match data</h2>
      <p className="hint">
        A fixtures or results CSV, a football-data.co.uk season file, or a Cricsheet match file (JSON). You see what it changes before
        anything is saved.
      </p>
      <details>
        <summary>CSV headers</summary>
        <ul className="hint">
          <li>
            Fixtures: <code>externalMatchId,startsAt,homeTeam,awayTeam,competition</code> (times with a zone, e.g.{' '}
            <code>2026-08-15T15:00:00Z</code>)
          </li>
          <li>
            Football results: <code>externalMatchId,homeGoals,awayGoals</code>
          </li>
          <li>
            Cricket player stats: <code>externalMatchId,playerExternalId,runs,wickets,catches,stumpings,runOuts</code> (a player by id or
            name)
          </li>
        </ul>
      </details>
      <form onSubmit={check} aria-labelledby={`${id}-title`}>
        <div className="field">
          <label htmlFor={`${id}-file`}>File</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,.json,text/csv,application/json"
            data-testid="match-upload-file"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setState({ status: 'idle' });
            }}
          />
        </div>
        <details>
          <summary>Or paste the file</summary>
          <div className="field">
            <label htmlFor={`${id}-paste`}>File text</label>
            <textarea
              id={`${id}-paste`}
              rows={6}
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
              data-testid="match-upload-text"
            />
          </div>
        </details>
        <button type="submit" className="button" disabled={busy || (!file && !pasted.trim())} data-testid="match-upload-check">
          {state.status === 'checking' ? 'Checking…' : 'Check file'}
        </button>
      </form>
      <div aria-live="polite">
        {(state.status === 'preview' || state.status === 'saving') && (
          <Preview
            report={state.report}
            saving={state.status === 'saving'}
            onConfirm={confirm}
            onCancel={() => setState({ status: 'idle' })}
          />
        )}
        {state.status === 'done' && (
          <p className="notice success" data-testid="match-upload-done">
            Imported {FORMAT_LABELS[state.report.format]}: {counts(state.report)}.
          </p>
        )}
        {state.status === 'failed' && <Failure error={state.error} text={state.text} />}
      </div>
    </div>
  );
}

function counts(report: MatchImportReport): string {
  const parts = [`${report.inserted} new`, `${report.updated} updated`];
  if (report.results !== undefined) parts.push(`${report.results} results`);
  if (report.removed) parts.push(`${report.removed} removed`);
  return parts.join(', ');
}

function Preview({
  report,
  saving,
  onConfirm,
  onCancel,
}: {
  report: MatchImportReport;
  saving: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const matches = report.preview?.matches ?? [];
  const points = report.preview?.points ?? [];
  const skipped = report.skipped ?? [];
  return (
    <div className="stack" data-testid="match-upload-preview">
      <p className="notice" data-testid="match-upload-format">
        Recognised: <strong>{FORMAT_LABELS[report.format]}</strong> — {counts(report)}. Nothing is saved yet.
      </p>
      {matches.length > 0 && (
        <table className="table" data-testid="preview-matches">
          <caption>Matches</caption>
          <thead>
            <tr>
              <th scope="col">Match</th>
              <th scope="col">When</th>
              <th scope="col">Result</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {matches.slice(0, PREVIEW_ROWS).map((m) => (
              <tr key={m.externalMatchId}>
                <td>
                  {m.homeTeam} v {m.awayTeam}
                  <span className="meta block">{m.externalMatchId}</span>
                </td>
                <td>{formatDateTime(m.startsAt)}</td>
                <td>{m.result ? `${m.result.homeGoals}–${m.result.awayGoals}` : '—'}</td>
                <td>{m.change === 'new' ? 'New' : 'Updated'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <More shown={Math.min(matches.length, PREVIEW_ROWS)} total={matches.length} />
      {points.length > 0 && (
        <table className="table" data-testid="preview-points">
          <caption>Points</caption>
          <thead>
            <tr>
              <th scope="col">Who</th>
              <th scope="col">Match</th>
              <th scope="col">Points</th>
            </tr>
          </thead>
          <tbody>
            {points.slice(0, PREVIEW_ROWS).map((p) => (
              <tr key={`${p.externalMatchId}/${p.assetExternalId}`}>
                <td>
                  {p.name}
                  <span className="meta block">{p.assetExternalId}</span>
                </td>
                <td>{p.externalMatchId}</td>
                <td>{p.points}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <More shown={Math.min(points.length, PREVIEW_ROWS)} total={points.length} />
      {skipped.length > 0 && (
        <div data-testid="preview-skipped">
          <h3>Skipped players ({skipped.length})</h3>
          <p className="hint">They score nothing in this league.</p>
          <ul>
            {skipped.map((s) => (
              <li key={`${s.team}/${s.name}`}>
                {s.name} ({s.team}) — {s.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="row">
        <button type="button" className="button primary" onClick={onConfirm} disabled={saving} data-testid="match-upload-confirm">
          {saving ? 'Importing…' : 'Import'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function More({ shown, total }: { shown: number; total: number }) {
  return total > shown ? <p className="meta">…and {total - shown} more.</p> : null;
}

function Failure({ error, text }: { error: unknown; text: string }) {
  if (!(error instanceof ApiError))
    return (
      <p className="notice error" role="alert">
        {describeError(error)}
      </p>
    );
  const paths = (error.problem?.errors ?? []).filter((e): e is { path: string; message: string } => typeof e.path === 'string');
  const total = error.problem?.errorCount;
  const listed = error.problem?.errors?.length ?? 0;
  return (
    <div data-testid="match-upload-errors">
      {error.rowErrors.length > 0 && <CsvErrors errors={error.rowErrors} csv={text} />}
      {paths.length > 0 && (
        <div className="csv-errors" role="alert">
          <p className="csv-errors-summary">The match file is not valid — nothing was saved.</p>
          <ul>
            {paths.map((e) => (
              <li key={`${e.path}/${e.message}`}>
                <code>{e.path}</code>: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {error.rowErrors.length === 0 && paths.length === 0 && (
        <p className="notice error" role="alert">
          {describeError(error)}
        </p>
      )}
      {total !== undefined && total > listed && (
        <p className="meta">
          The first {listed} of {total} problems are listed.
        </p>
      )}
    </div>
  );
}
