import type { SportWords } from '@auction/contracts';
import type { PoolEntry } from './poolState';
import type { QueueControls } from './useQueue';

interface Props {
  queue: QueueControls;
  pool: PoolEntry[];
  words: SportWords;
}

/** The manager's private queue: what the engine nominates for them if their time runs out. Up/down buttons, no dragging (phones). */
export function QueuePanel({ queue, pool, words }: Props) {
  const byId = new Map(pool.map((entry) => [entry.asset.id, entry]));
  return (
    <section className="panel" aria-labelledby="queue-title" data-testid="queue">
      <h2 id="queue-title">My queue</h2>
      <p className="meta">Only you see it. If your time to nominate runs out, the first available one goes up for you.</p>
      {queue.error && (
        <p className="field-error" role="alert" data-testid="queue-error">
          {queue.error}
        </p>
      )}
      {queue.assetIds.length === 0 ? (
        <p className="meta">No {words.assets.toLowerCase()} queued yet: add them from the pool.</p>
      ) : (
        <ol data-testid="queue-list">
          {queue.assetIds.map((assetId, index) => {
            const entry = byId.get(assetId);
            const name = entry?.asset.name ?? 'Unknown';
            return (
              <li key={assetId} data-testid="queue-item" data-asset-id={assetId} data-status={entry?.status}>
                <span>
                  {name}
                  {entry && entry.status !== 'available' && <span className="meta"> · {entry.status}</span>}
                </span>
                <span className="row-actions">
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Move ${name} up`}
                    disabled={index === 0}
                    onClick={() => queue.move(index, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Move ${name} down`}
                    disabled={index === queue.assetIds.length - 1}
                    onClick={() => queue.move(index, 1)}
                  >
                    ↓
                  </button>
                  <button type="button" className="icon-button" aria-label={`Remove ${name}`} onClick={() => queue.remove(assetId)}>
                    ✕
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
