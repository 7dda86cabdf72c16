import type { AcceptedBid, BidAccepted, SnapshotManager } from '@auction/contracts';
import { useEffect, useState } from 'react';
import { auctionsApi } from '../api/endpoints';
import { formatMoney, formatServerTime } from '../lib/format';

type HistoryBid = Pick<AcceptedBid, 'seq' | 'amount' | 'bidderId' | 'serverTime' | 'proxy'>;

/** Bids from the server's history and those seen live, newest first, once each. */
export function mergeBids(history: HistoryBid[], live: HistoryBid[]): HistoryBid[] {
  const bySeq = new Map<number, HistoryBid>();
  for (const bid of [...history, ...live]) bySeq.set(bid.seq, bid);
  return [...bySeq.values()].sort((a, b) => b.seq - a.seq);
}

interface Props {
  auctionId: string;
  lotId: string | null;
  liveBids: BidAccepted[];
  managers: SnapshotManager[];
  myUserId: string | null;
  /** Changes after every (re)join, so history missed while offline is fetched again. */
  refreshKey: number;
}

export function BidHistory({ auctionId, lotId, liveBids, managers, myUserId, refreshKey }: Props) {
  const [history, setHistory] = useState<{ lotId: string; items: HistoryBid[] } | null>(null);

  useEffect(() => {
    if (!lotId) return;
    const controller = new AbortController();
    auctionsApi.bids(auctionId, lotId, controller.signal).then(
      (page) => !controller.signal.aborted && setHistory({ lotId, items: page.items }),
      () => undefined, // live bids still show; the next join fetches again
    );
    return () => controller.abort();
  }, [auctionId, lotId, refreshKey]);

  if (!lotId) return null;
  const bids = mergeBids(
    history?.lotId === lotId ? history.items : [],
    liveBids.filter((b) => b.lotId === lotId),
  );
  const name = (userId: string) => (userId === myUserId ? 'You' : (managers.find((m) => m.userId === userId)?.displayName ?? 'A manager'));

  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">Bids on this lot</h2>
      {bids.length === 0 ? (
        <p className="meta">No bids yet — the opening bid takes it.</p>
      ) : (
        <ol className="bid-history" data-testid="bid-history">
          {bids.slice(0, 30).map((bid) => (
            <li key={bid.seq}>
              <span className="who">
                {name(bid.bidderId)}
                {bid.proxy && <span className="meta"> (proxy)</span>}
              </span>
              <span className="price">{formatMoney(bid.amount)}</span>
              <time className="meta" dateTime={bid.serverTime}>
                {formatServerTime(bid.serverTime)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
