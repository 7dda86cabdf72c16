import { useState } from 'react';
import { describeError } from '../api/errors';
import { downloadText } from '../lib/csv';

/** Fetches a file the server writes (an export) and saves it; says so when it fails. */
export function DownloadButton({ fileName, fetchFile, testId }: { fileName: string; fetchFile: () => Promise<string>; testId: string }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  async function download() {
    setState({ busy: true, error: null });
    try {
      downloadText(fileName, await fetchFile());
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: describeError(error) });
    }
  }

  return (
    <div>
      <button type="button" className="button" onClick={download} disabled={state.busy} data-testid={testId}>
        {state.busy ? 'Preparing…' : 'Download CSV'}
      </button>
      {state.error && (
        <p className="notice error" role="alert" data-testid={`${testId}-error`}>
          {state.error}
        </p>
      )}
    </div>
  );
}
