import type { AuctionSnapshot } from '@auction/contracts';
import { useState } from 'react';
import { auctionsApi } from '../api/endpoints';
import { describeFieldError } from '../api/errors';
import { toLocalInputValue } from '../lib/format';

interface Props {
  snapshot: AuctionSnapshot;
  onSnapshot: (snapshot: AuctionSnapshot) => void;
}

/** Moves a scheduled auction to another time; every member is mailed the new one. */
export function RescheduleForm({ snapshot, onSnapshot }: Props) {
  const [startsAt, setStartsAt] = useState(() => toLocalInputValue(snapshot.startsAt ? new Date(snapshot.startsAt) : new Date()));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [moved, setMoved] = useState(false);

  async function move(at: Date) {
    setBusy(true);
    setError(null);
    setMoved(false);
    try {
      onSnapshot(await auctionsApi.reschedule(snapshot.id, at.toISOString()));
      setMoved(true);
    } catch (e) {
      setError(describeFieldError(e, 'startsAt'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="schedule-form"
      data-testid="reschedule-form"
      onSubmit={(event) => {
        event.preventDefault();
        const at = new Date(startsAt);
        if (!Number.isNaN(at.getTime())) void move(at);
      }}
    >
      <label htmlFor="reschedule-at">Move the start (every member is mailed the new time)</label>
      <div className="input-row">
        <input
          id="reschedule-at"
          type="datetime-local"
          value={startsAt}
          onChange={(e) => setStartsAt(e.target.value)}
          data-testid="reschedule-at"
        />
        <button type="submit" className="button" disabled={busy || !startsAt} data-testid="reschedule-auction">
          {busy ? 'Moving…' : 'Move'}
        </button>
      </div>
      {moved && (
        <p className="notice success" role="status" data-testid="reschedule-done">
          Moved. Everyone has been mailed the new time.
        </p>
      )}
      {error && (
        <p className="notice error" role="alert" data-testid="reschedule-error">
          {error}
        </p>
      )}
    </form>
  );
}
