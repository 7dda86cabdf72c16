import type { SportWords } from '@auction/contracts';
import { useState } from 'react';
import { matching, type PoolEntry } from './poolState';

interface Props {
  pool: PoolEntry[];
  words: SportWords;
  queued: readonly string[];
  /** Adds to the caller's queue; absent for someone without a queue. */
  onQueue?: (assetId: string) => void;
}

/** The league's whole pool during the auction: what is sold, on sale or still available, searchable. */
export function PoolPanel({ pool, words, queued, onQueue }: Props) {
  const [search, setSearch] = useState('');
  const shown = matching(pool, search);
  return (
    <section className="panel" aria-labelledby="pool-title" data-testid="pool">
      <h2 id="pool-title">The pool</h2>
      <label className="field">
        <span className="label">Search the {words.assets.toLowerCase()}</span>
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} data-testid="pool-browse-search" />
      </label>
      <ul className="choice-list">
        {shown.map(({ asset, status }) => (
          <li key={asset.id} data-testid="pool-item" data-asset-id={asset.id} data-status={status}>
            <span>
              {asset.name} <span className="meta">· {status}</span>
            </span>
            {onQueue && status === 'available' && !queued.includes(asset.id) && (
              <button type="button" className="link-button" onClick={() => onQueue(asset.id)} aria-label={`Add ${asset.name} to my queue`}>
                Queue
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
