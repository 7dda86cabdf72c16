import type { AuctionSnapshot, SportWords } from '@auction/contracts';
import { formatMoney } from '../lib/format';
import type { ServerClock } from './clock';
import { Countdown } from './Countdown';
import type { LotMoment } from './reducer';

interface Props {
  snapshot: AuctionSnapshot;
  clock: ServerClock;
  words: SportWords;
  nameOf: (userId: string | null) => string;
  timerSeconds?: number;
  lastMoment: LotMoment | null;
}

function MomentText({ moment, nameOf }: { moment: LotMoment; nameOf: Props['nameOf'] }) {
  return moment.kind === 'sold' ? (
    <>
      <strong>Sold!</strong> {moment.asset.name} to {nameOf(moment.winnerId)} for {formatMoney(moment.price)}
    </>
  ) : (
    <>
      <strong>Unsold.</strong> {moment.asset.name} had no bids
    </>
  );
}

/** The lot on the block: name, price to beat, who leads, and the countdown. */
export function LotCard({ snapshot, clock, words, nameOf, timerSeconds, lastMoment }: Props) {
  const lot = snapshot.currentLot;
  if (!lot) {
    return (
      <section className="panel lot-card empty" aria-labelledby="lot-title" data-testid="lot-card">
        {lastMoment ? (
          <p className={`moment ${lastMoment.kind}`} data-testid="lot-result" data-kind={lastMoment.kind}>
            <MomentText moment={lastMoment} nameOf={nameOf} />
          </p>
        ) : null}
        <h2 id="lot-title" data-testid="lot-name">
          {snapshot.status === 'completed'
            ? 'The auction is over'
            : snapshot.lotsRemaining > 0
              ? `Next ${words.asset.toLowerCase()} coming up…`
              : 'No lot open'}
        </h2>
      </section>
    );
  }
  const details = [lot.asset.team, lot.asset.role].filter(Boolean).join(' · ');
  return (
    <section className="panel lot-card" aria-labelledby="lot-title" data-testid="lot-card" data-lot-id={lot.id}>
      <p className="eyebrow">Now bidding</p>
      <h2 id="lot-title" data-testid="lot-name">
        {lot.asset.name}
      </h2>
      {details && <p className="meta">{details}</p>}
      <div className="lot-figures">
        <div>
          <p className="label">{lot.highBid === null ? 'Opening bid' : 'High bid'}</p>
          <p className="big" data-testid="high-bid" data-amount={lot.highBid ?? ''}>
            {formatMoney(lot.highBid ?? lot.openingBid)}
          </p>
          <p className="meta" data-testid="high-bidder">
            {lot.highBid === null ? 'No bids yet' : `by ${nameOf(lot.highBidderId)}`}
          </p>
        </div>
        <Countdown lot={lot} status={snapshot.status} clock={clock} timerSeconds={timerSeconds} />
      </div>
      {lastMoment && (
        <p className={`moment small ${lastMoment.kind}`} data-testid="lot-result" data-kind={lastMoment.kind}>
          Last lot: <MomentText moment={lastMoment} nameOf={nameOf} />
        </p>
      )}
    </section>
  );
}
