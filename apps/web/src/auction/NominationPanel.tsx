import type { AuctionSnapshot, SportWords } from '@auction/contracts';
import { useState, type ReactNode } from 'react';
import { describeError } from '../api/errors';
import { formatCountdown, formatMoney } from '../lib/format';
import type { ServerClock } from './clock';
import { useRemaining } from './countdown';
import { formatsApi } from './formatsApi';
import { matching, type PoolEntry } from './poolState';

interface Props {
  snapshot: AuctionSnapshot;
  myUserId: string | null;
  clock: ServerClock;
  pool: PoolEntry[];
  words: SportWords;
  nameOf: (userId: string | null) => string;
}

/** The turn in progress (SPEC §8): the nominator picks an asset and an opening bid; everyone else sees who is choosing. */
export function NominationPanel({ snapshot, myUserId, clock, pool, words, nameOf }: Props) {
  const turn = snapshot.nomination;
  const left = useRemaining(turn, snapshot.status, clock) ?? 0;
  if (!turn) return null;
  const clockText = (
    <span role="timer" className="countdown-value" data-testid="nomination-clock">
      {formatCountdown(left)}
    </span>
  );
  if (turn.userId !== myUserId) {
    return (
      <section className="panel" data-testid="nominating" aria-live="polite">
        <p>
          <strong>{nameOf(turn.userId)}</strong> is nominating… {clockText}
        </p>
      </section>
    );
  }
  return <YourTurn key={turn.endsAt} snapshot={snapshot} myUserId={myUserId} pool={pool} words={words} clockText={clockText} />;
}

function YourTurn({
  snapshot,
  myUserId,
  pool,
  words,
  clockText,
}: Pick<Props, 'snapshot' | 'myUserId' | 'pool' | 'words'> & { clockText: ReactNode }) {
  const openingBid = snapshot.settings?.openingBid ?? 1;
  const maxBid = snapshot.managers.find((manager) => manager.userId === myUserId)?.maxBid ?? openingBid;
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [amount, setAmount] = useState(String(openingBid));
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const available = matching(
    pool.filter((entry) => entry.status === 'available'),
    search,
  );

  async function nominate() {
    if (!chosen) return;
    setSending(true);
    setError(null);
    try {
      await formatsApi.nominate(snapshot.id, chosen, Number(amount));
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setSending(false);
    }
  }

  return (
    <section className="panel" data-testid="your-turn" aria-labelledby="your-turn-title">
      <h2 id="your-turn-title">Your turn to nominate {clockText}</h2>
      <label className="field">
        <span className="label">Search the {words.assets.toLowerCase()}</span>
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} data-testid="pool-search" />
      </label>
      <ul className="choice-list" data-testid="nomination-choices">
        {available.slice(0, 30).map(({ asset }) => (
          <li key={asset.id}>
            <label className="check">
              <input type="radio" name="nominee" checked={chosen === asset.id} onChange={() => setChosen(asset.id)} data-testid="nominee" />
              {asset.name}
              {asset.team ? <span className="meta"> · {asset.team}</span> : null}
            </label>
          </li>
        ))}
      </ul>
      <label className="field">
        <span className="label">
          Opening bid ({formatMoney(openingBid)} to {formatMoney(maxBid)})
        </span>
        <input
          type="number"
          inputMode="numeric"
          min={openingBid}
          max={maxBid}
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          data-testid="nomination-amount"
        />
      </label>
      {error && (
        <p className="field-error" role="alert" data-testid="nomination-error">
          {error}
        </p>
      )}
      <button type="button" className="button primary" disabled={!chosen || sending} onClick={() => void nominate()} data-testid="nominate">
        Nominate
      </button>
    </section>
  );
}
