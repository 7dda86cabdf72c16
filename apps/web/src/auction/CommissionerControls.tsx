import type { AuctionSnapshot } from '@auction/contracts';
import { useState } from 'react';
import { auctionsApi } from '../api/endpoints';
import { describeError } from '../api/errors';
import { RescheduleForm } from './RescheduleForm';

interface Props {
  snapshot: AuctionSnapshot;
  onSnapshot: (snapshot: AuctionSnapshot) => void;
}

/** Start a scheduled auction now or move it; pause, resume and end a running one (commissioner only). */
export function CommissionerControls({ snapshot, onSnapshot }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (snapshot.status === 'completed') return null;

  async function run(action: 'pause' | 'resume' | 'end' | 'startNow') {
    if (action === 'end' && !window.confirm('End the auction now? Lots not yet sold stay unsold. This can’t be undone.')) return;
    if (action === 'startNow' && !window.confirm('Start the auction now, before its scheduled time? Everyone in the room sees it go live.'))
      return;
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
        {snapshot.status === 'scheduled' ? (
          <button type="button" className="button primary" disabled={busy} onClick={() => run('startNow')} data-testid="auction-start-now">
            Start now
          </button>
        ) : snapshot.status === 'live' ? (
          <button type="button" className="button" disabled={busy} onClick={() => run('pause')} data-testid="auction-pause">
            Pause
          </button>
        ) : (
          <button type="button" className="button primary" disabled={busy} onClick={() => run('resume')} data-testid="auction-resume">
            Resume
          </button>
        )}
        {snapshot.status !== 'scheduled' && (
          <button type="button" className="button danger" disabled={busy} onClick={() => run('end')} data-testid="auction-end">
            End auction
          </button>
        )}
      </div>
      {snapshot.status === 'scheduled' && <RescheduleForm snapshot={snapshot} onSnapshot={onSnapshot} />}
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
