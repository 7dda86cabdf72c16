import type { Asset, SportKey, SportWords } from '@auction/contracts';
import { useEffect, useId, useState } from 'react';
import { leaguesApi } from '../api/endpoints';
import { ErrorNotice } from './Status';

interface Props {
  sport: SportKey;
  competition: string;
  words: SportWords;
  selected: Asset[];
  onChange: (selected: Asset[]) => void;
  /** Show order controls: the chosen order is the nomination order. */
  ordered: boolean;
}

const PAGE = 30;

function describe(asset: Asset): string {
  return [asset.team, asset.role].filter(Boolean).join(' · ');
}

/** A cricketer's external id, which the results CSV's `playerExternalId` takes (a club is named by its name). */
function PlayerId({ sport, asset }: { sport: Props['sport']; asset: Asset }) {
  if (sport !== 'cricket') return null;
  return (
    <span className="meta block" data-testid={`asset-id-${asset.externalId}`}>
      id <code>{asset.externalId}</code>
    </span>
  );
}

/** Search the catalogue and pick assets; the picked list keeps its order. */
export function AssetPicker({ sport, competition, words, selected, onChange, ordered }: Props) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const [results, setResults] = useState<Asset[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [more, setMore] = useState(0);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query.trim()), 300);
    return () => clearTimeout(timer);
  }, [query]);

  useEffect(() => {
    setResults([]);
    setCursor(null);
    setMore(0);
  }, [sport, competition, debounced]);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    leaguesApi
      .assets(
        { sport, competition: competition || undefined, q: debounced || undefined, limit: PAGE, cursor: more > 0 ? cursor : undefined },
        controller.signal,
      )
      .then(
        (page) => {
          if (controller.signal.aborted) return;
          setResults((previous) => (more > 0 ? [...previous, ...page.items] : page.items));
          setCursor(page.nextCursor);
          setLoading(false);
        },
        (e: unknown) => {
          if (controller.signal.aborted) return;
          setError(e);
          setLoading(false);
        },
      );
    return () => controller.abort();
    // `cursor` is read for "load more" only; it must not re-trigger the search.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sport, competition, debounced, more, attempt]);

  const chosen = new Set(selected.map((a) => a.id));
  const toggle = (asset: Asset) => onChange(chosen.has(asset.id) ? selected.filter((a) => a.id !== asset.id) : [...selected, asset]);
  const move = (index: number, delta: number) => {
    const next = [...selected];
    const [item] = next.splice(index, 1);
    next.splice(index + delta, 0, item!);
    onChange(next);
  };

  return (
    <div className="asset-picker" data-testid="asset-picker">
      <div className="field">
        <label htmlFor={`${id}-q`}>Search {words.assets.toLowerCase()}</label>
        <input
          id={`${id}-q`}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={`Name of a ${words.asset.toLowerCase()}`}
          data-testid="asset-search"
        />
      </div>
      {error ? <ErrorNotice error={error} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      <ul className="asset-results" aria-label={`${words.assets} found`} aria-busy={loading}>
        {results.map((asset) => (
          <li key={asset.id}>
            <label className="check">
              <input
                type="checkbox"
                checked={chosen.has(asset.id)}
                onChange={() => toggle(asset)}
                data-testid={`asset-option-${asset.externalId}`}
              />
              <span>
                {asset.name}
                {describe(asset) && <span className="meta"> {describe(asset)}</span>}
                <PlayerId sport={sport} asset={asset} />
              </span>
            </label>
          </li>
        ))}
        {!loading && results.length === 0 && <li className="meta">No {words.assets.toLowerCase()} match.</li>}
      </ul>
      {cursor && (
        <button type="button" className="button small" disabled={loading} onClick={() => setMore((m) => m + 1)}>
          {loading ? 'Loading…' : 'Show more'}
        </button>
      )}
      <h3 id={`${id}-chosen`}>
        Chosen {words.assets.toLowerCase()} ({selected.length})
      </h3>
      {ordered && selected.length > 1 && <p className="hint">They come up in this order.</p>}
      <ol className="chosen-assets" aria-labelledby={`${id}-chosen`} data-testid="selected-assets">
        {selected.map((asset, index) => (
          <li key={asset.id}>
            <span className="position">{index + 1}.</span>
            <span className="asset-name">
              {asset.name}
              <PlayerId sport={sport} asset={asset} />
            </span>
            <span className="row-actions">
              {ordered && (
                <>
                  <button
                    type="button"
                    className="icon-button"
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                    aria-label={`Move ${asset.name} up`}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    disabled={index === selected.length - 1}
                    onClick={() => move(index, 1)}
                    aria-label={`Move ${asset.name} down`}
                  >
                    ↓
                  </button>
                </>
              )}
              <button type="button" className="icon-button" onClick={() => toggle(asset)} aria-label={`Remove ${asset.name}`}>
                ✕
              </button>
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
