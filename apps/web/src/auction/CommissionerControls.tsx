import type { AuctionSnapshot } from '@auction/contracts';
import { useState } from 'react';
import { auctionsApi } from '../api/endpoints';
import { describeError } from '../api/errors';

interface Props {
  snapshot: AuctionSnapshot;
  onSnapshot: (snapshot: AuctionSnapshot) => void;
}

/** Pause, resume and end the auction (commissioner only). */
export function CommissionerControls({ snapshot, onSnapshot }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (snapshot.status === 'completed') return null;

  async function run(action: 'pause' | 'resume' | 'end') {
    if (action === 'end' && !window.confirm('End the auction now? Lots not yet sold stay unsold. This can’t be undone.')) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await auctionsApi[action](snapshot.id);
      if (answer && typeof answer === 'object' && 'seq' in answer) onSnapshot(answer);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel controls" aria-labelledby="controls-title">
      <h2 id="controls-title">Commissioner</h2>
      <div className="actions">
        {snapshot.status === 'live' ? (
          <button type="button" className="button" disabled={busy} onClick={() => run('pause')} data-testid="auction-pause">
            Pause
          </button>
        ) : (
          <button type="button" className="button primary" disabled={busy} onClick={() => run('resume')} data-testid="auction-resume">
            Resume
          </button>
        )}
        <button type="button" className="button danger" disabled={busy} onClick={() => run('end')} data-testid="auction-end">
          End auction
        </button>
      </div>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
