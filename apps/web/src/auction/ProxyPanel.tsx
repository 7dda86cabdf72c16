import type { AuctionSnapshot, LotAsset, OwnProxy } from '@auction/contracts';
import { useId, useState, type FormEvent } from 'react';
import { auctionsApi } from '../api/endpoints';
import { describeError } from '../api/errors';
import { formatMoney } from '../lib/format';
import { useAsync } from '../lib/useAsync';

interface Props {
  snapshot: AuctionSnapshot;
  myUserId: string;
  assetWord: string;
}

/** Where one of my proxies stands on the open lot. */
export function proxyStanding(proxy: OwnProxy, snapshot: AuctionSnapshot, myUserId: string): string | null {
  const lot = snapshot.currentLot;
  if (!lot || lot.asset.id !== proxy.assetId) return null;
  if (lot.highBidderId === myUserId) return `Leading at ${formatMoney(lot.highBid)}`;
  if (lot.highBid !== null && lot.highBid >= proxy.maxAmount) return `Beaten: the high bid is ${formatMoney(lot.highBid)}`;
  return 'Bidding for you';
}

/**
 * "Bid for me up to £…": a private maximum per asset, for the open lot or one still to come.
 * The engine bids the least that leads for me; only I ever see the maximum.
 */
export function ProxyPanel({ snapshot, myUserId, assetWord }: Props) {
  const ids = { asset: useId(), amount: useId() };
  const lotsKey = `${snapshot.currentLot?.id}:${snapshot.lotsRemaining}`;
  const mine = useAsync((signal) => auctionsApi.proxies(snapshot.id, signal), [snapshot.id]);
  const upcoming = useAsync(async () => (await auctionsApi.results(snapshot.id)).neverOffered ?? [], [snapshot.id, lotsKey]);
  const open = snapshot.currentLot?.asset ?? null;
  const pool: LotAsset[] = [...(open ? [open] : []), ...(upcoming.data ?? [])];
  const [assetId, setAssetId] = useState('');
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Until one is picked, the asset the select shows: the open lot's, else the first to come.
  const chosen = assetId || open?.id || pool[0]?.id || '';
  const proxies = mine.data?.items ?? [];
  const nameOf = (id: string) => pool.find((a) => a.id === id)?.name ?? `this ${assetWord.toLowerCase()}`;

  async function change(run: () => Promise<unknown>) {
    setError(null);
    try {
      await run();
      mine.reload();
    } catch (e) {
      setError(describeError(e));
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const maxAmount = Number(amount);
    if (!chosen || !Number.isInteger(maxAmount) || maxAmount < 1) return setError('Enter a whole amount in £m.');
    void change(() => auctionsApi.setProxy(snapshot.id, chosen, maxAmount)).then(() => setAmount(''));
  }

  return (
    <section className="panel proxies" aria-labelledby="proxies-title" data-testid="proxy-panel">
      <h2 id="proxies-title">Bid for me</h2>
      <p className="hint">Private: only you see your maximum. The auction bids the least that keeps you in front, up to it.</p>
      <form onSubmit={submit} className="proxy-form">
        <div className="field proxy-asset">
          <label htmlFor={ids.asset}>{assetWord}</label>
          <select id={ids.asset} value={chosen} onChange={(e) => setAssetId(e.target.value)} data-testid="proxy-asset">
            {pool.map((asset) => (
              <option key={asset.id} value={asset.id}>
                {asset.name}
                {asset.id === open?.id ? ' (now)' : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.amount}>Up to (£m)</label>
          <input
            id={ids.amount}
            inputMode="numeric"
            value={amount}
            onChange={(e) => setAmount(e.target.value.trim())}
            data-testid="proxy-amount"
          />
        </div>
        <button type="submit" className="button" disabled={!chosen} data-testid="proxy-set">
          {proxies.some((p) => p.assetId === chosen) ? 'Change' : 'Set'}
        </button>
      </form>
      {proxies.length > 0 && (
        <ul className="plain-list" data-testid="proxy-list">
          {proxies.map((proxy) => (
            <li key={proxy.assetId} data-testid="proxy-item" data-asset-id={proxy.assetId}>
              <span>
                {nameOf(proxy.assetId)}: up to {formatMoney(proxy.maxAmount)}
              </span>{' '}
              <span className="meta" data-testid="proxy-standing">
                {proxyStanding(proxy, snapshot, myUserId)}
              </span>{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => void change(() => auctionsApi.removeProxy(snapshot.id, proxy.assetId))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="notice error" role="alert" data-testid="proxy-error">
          {error}
        </p>
      )}
    </section>
  );
}
