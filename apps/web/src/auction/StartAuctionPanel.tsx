import type { League } from '@auction/contracts';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { auctionsApi } from '../api/endpoints';
import { describeFieldError } from '../api/errors';
import { plural, toLocalInputValue } from '../lib/format';

interface Props {
  league: League;
  assetWord: string;
}

/**
 * The commissioner's start: a confirmation step before the auction goes live (people need the
 * lead-in to get into the room), or a time to schedule it for, mailed to every member.
 */
export function StartAuctionPanel({ league, assetWord }: Props) {
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [startsAt, setStartsAt] = useState(() => toLocalInputValue(new Date(Date.now() + 60 * 60_000)));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const enoughManagers = league.members.length >= league.minManagers;

  async function start(at?: string) {
    setBusy(true);
    setError(null);
    try {
      const auction = await auctionsApi.start(league.id, at);
      navigate(`/auctions/${auction.id}`);
    } catch (e) {
      setError(describeFieldError(e, 'startsAt'));
      setBusy(false);
    }
  }

  const asset = assetWord.toLowerCase();
  return (
    <div className="panel" data-testid="start-panel">
      <h2>Start the auction</h2>
      <p>
        {enoughManagers
          ? `Everyone in the league can bid as soon as the first ${asset} opens.`
          : `At least ${league.minManagers} managers must join first — ${plural(league.members.length, 'has', 'have')} joined so far.`}
      </p>
      {!confirming ? (
        <button
          type="button"
          className="button primary wide"
          onClick={() => setConfirming(true)}
          disabled={!enoughManagers}
          aria-describedby={!enoughManagers ? 'start-reason' : undefined}
          data-testid="start-auction"
        >
          Start auction…
        </button>
      ) : (
        <div className="start-confirm" role="group" aria-label="Confirm the start" data-testid="start-confirm">
          <p>
            <strong>Start now?</strong> The room opens at once and the first {asset} comes up {league.leadInSeconds} s later, so everyone
            can get in. {plural(league.members.length, 'manager', 'managers')} will be bidding.
          </p>
          <div className="actions">
            <button type="button" className="button primary" disabled={busy} onClick={() => void start()} data-testid="start-confirm-now">
              {busy ? 'Starting…' : 'Yes, start now'}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setConfirming(false)} data-testid="start-cancel">
              Not yet
            </button>
          </div>
          <form
            className="schedule-form"
            onSubmit={(event) => {
              event.preventDefault();
              const at = new Date(startsAt);
              if (!Number.isNaN(at.getTime())) void start(at.toISOString());
            }}
          >
            <label htmlFor="starts-at">Or schedule it (every member is mailed the time)</label>
            <div className="input-row">
              <input
                id="starts-at"
                type="datetime-local"
                value={startsAt}
                onChange={(e) => setStartsAt(e.target.value)}
                data-testid="start-at"
              />
              <button type="submit" className="button" disabled={busy || !startsAt} data-testid="schedule-auction">
                Schedule
              </button>
            </div>
          </form>
        </div>
      )}
      {!enoughManagers && (
        <p id="start-reason" className="hint">
          Share the invite link below to get more managers in.
        </p>
      )}
      {error && (
        <p className="notice error" role="alert" data-testid="league-action-error">
          {error}
        </p>
      )}
    </div>
  );
}
