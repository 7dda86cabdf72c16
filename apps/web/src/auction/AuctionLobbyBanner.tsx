import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { auctionsApi } from '../api/endpoints';
import { formatDateTime } from '../lib/format';
import { useAsync } from '../lib/useAsync';
import { ServerClock } from './clock';
import { WaitCountdown } from './WaitCountdown';

/** The league lobby's way into the room: a countdown while the auction is scheduled, "on" once live. */
export function AuctionLobbyBanner({ auctionId }: { auctionId: string }) {
  const [clock] = useState(() => new ServerClock());
  const auction = useAsync(() => auctionsApi.get(auctionId), [auctionId]);
  const snapshot = auction.data;
  useEffect(() => {
    if (snapshot) clock.addServerTime(snapshot.serverTime);
  }, [snapshot, clock]);
  const scheduled = snapshot?.status === 'scheduled' && snapshot.startsAt;
  return (
    <div className="panel highlight" role="status" aria-live="polite" data-testid="auction-lobby">
      {scheduled ? (
        <p data-testid="lobby-countdown">
          The auction starts in <WaitCountdown until={snapshot.startsAt!} clock={clock} testId="lobby-starts-in" /> ·{' '}
          {formatDateTime(snapshot.startsAt!)}
        </p>
      ) : (
        <p>The auction is on!</p>
      )}
      <Link className="button primary wide" to={`/auctions/${auctionId}`} data-testid="enter-auction">
        Enter auction room
      </Link>
    </div>
  );
}
