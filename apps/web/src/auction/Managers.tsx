import type { SnapshotManager, SportWords } from '@auction/contracts';
import { formatMoney } from '../lib/format';

interface Props {
  managers: SnapshotManager[];
  myUserId: string | null;
  highBidderId: string | null;
  rosterSize: number;
  words: SportWords;
}

export function RosterList({ manager, words }: { manager: SnapshotManager; words: SportWords }) {
  if (manager.roster.length === 0) {
    return (
      <p className="meta" data-testid={`roster-${manager.userId}`}>
        No {words.assets.toLowerCase()} yet
      </p>
    );
  }
  return (
    <ul className="roster" data-testid={`roster-${manager.userId}`} aria-label={`${manager.displayName}’s ${words.assets.toLowerCase()}`}>
      {manager.roster.map((entry) => (
        <li key={entry.lotId ?? entry.asset.id}>
          <span>{entry.asset.name}</span>
          <span className="price">{formatMoney(entry.price)}</span>
        </li>
      ))}
    </ul>
  );
}

/** Every manager's budget, max bid and squad; me first. */
export function Managers({ managers, myUserId, highBidderId, rosterSize, words }: Props) {
  const ordered = [...managers].sort((a, b) => Number(b.userId === myUserId) - Number(a.userId === myUserId));
  return (
    <section className="panel" aria-labelledby="managers-title">
      <h2 id="managers-title">Managers</h2>
      <ul className="manager-list" data-testid="managers">
        {ordered.map((m) => (
          <li key={m.userId} className={`manager${m.userId === myUserId ? ' me' : ''}`} data-testid={`manager-${m.userId}`}>
            <div className="manager-head">
              <strong>
                {m.displayName}
                {m.userId === myUserId && ' (you)'}
              </strong>
              {m.userId === highBidderId && <span className="badge leading">Leading</span>}
            </div>
            <p className="meta">
              Budget {formatMoney(m.budgetRemaining)} · max bid {formatMoney(m.maxBid)} · {m.roster.length}/{rosterSize}{' '}
              {words.assets.toLowerCase()}
            </p>
            <RosterList manager={m} words={words} />
          </li>
        ))}
      </ul>
    </section>
  );
}
