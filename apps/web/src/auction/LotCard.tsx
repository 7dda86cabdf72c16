import type { AuctionSnapshot, ClosedLot, SportWords } from '@auction/contracts';
import { formatDateTime, formatMoney } from '../lib/format';
import type { ServerClock } from './clock';
import { Countdown } from './Countdown';
import type { LotMoment } from './reducer';
import { WaitCountdown } from './WaitCountdown';

interface Props {
  snapshot: AuctionSnapshot;
  clock: ServerClock;
  words: SportWords;
  nameOf: (userId: string | null) => string;
  myUserId: string | null;
  timerSeconds?: number;
  lastMoment: LotMoment | null;
}

/** "Sold to Bob for £12m" / "Unsold", the way the room reads a closed lot. */
export function resultText(lot: Pick<ClosedLot, 'status' | 'winnerId' | 'price'>, nameOf: Props['nameOf']): string {
  return lot.status === 'unsold' ? 'Unsold' : `Sold to ${nameOf(lot.winnerId)} for ${formatMoney(lot.price)}`;
}

/** The card's title while no lot is open and no pause runs: in managers mode, who is to nominate. */
export function noLotTitle(snapshot: AuctionSnapshot, words: SportWords, nameOf: Props['nameOf'], myUserId: string | null): string {
  if (snapshot.status === 'completed') return 'Bidding has closed';
  const asset = words.asset.toLowerCase();
  const turn = snapshot.nomination;
  if (turn) {
    return turn.userId === myUserId
      ? `Nothing on sale yet: you choose the next ${asset}`
      : `Waiting for ${nameOf(turn.userId)} to nominate the next ${asset}`;
  }
  return snapshot.lotsRemaining > 0 ? `Next ${asset} coming up…` : 'No lot open';
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

/** Before the first lot: the scheduled start or the lead-in; between lots: the result and the gap. */
function Waiting({ snapshot, clock, words, nameOf, myUserId, lastMoment }: Props) {
  const asset = words.asset.toLowerCase();
  if (snapshot.status === 'scheduled' && snapshot.startsAt) {
    return (
      <section className="panel lot-card empty waiting" aria-labelledby="lot-title" data-testid="lot-card" data-state="scheduled">
        <p className="eyebrow">Scheduled</p>
        <h2 id="lot-title" data-testid="scheduled-lobby">
          The auction starts in <WaitCountdown until={snapshot.startsAt} clock={clock} testId="starts-in" />
        </h2>
        <p className="meta" data-testid="starts-at">
          {formatDateTime(snapshot.startsAt)} · the first {asset} opens {snapshot.settings.leadInSeconds} s later
        </p>
      </section>
    );
  }
  const closed = snapshot.lots.at(-1) ?? null;
  if (snapshot.nextLotAt && snapshot.status === 'live') {
    return (
      <section
        className="panel lot-card empty waiting"
        aria-labelledby="lot-title"
        data-testid="lot-card"
        data-state={closed ? 'gap' : 'lead-in'}
      >
        {closed ? (
          <>
            <p className="eyebrow">{closed.asset.name}</p>
            <h2 id="lot-title" className={`result ${closed.status}`} data-testid="lot-gap-result" data-kind={closed.status}>
              {resultText(closed, nameOf)}
            </h2>
          </>
        ) : (
          <h2 id="lot-title" data-testid="lead-in">
            Get ready
          </h2>
        )}
        <p className="next-lot" data-testid="next-lot-in">
          {closed ? `Next ${asset} in ` : `First ${asset} in `}
          <WaitCountdown until={snapshot.nextLotAt} clock={clock} testId="next-lot-countdown" />
        </p>
        <p className="meta">Bidding is off until it opens.</p>
      </section>
    );
  }
  return (
    <section className="panel lot-card empty" aria-labelledby="lot-title" data-testid="lot-card">
      {lastMoment ? (
        <p className={`moment ${lastMoment.kind}`} data-testid="lot-result" data-kind={lastMoment.kind}>
          <MomentText moment={lastMoment} nameOf={nameOf} />
        </p>
      ) : null}
      <h2 id="lot-title" data-testid="lot-name">
        {noLotTitle(snapshot, words, nameOf, myUserId)}
      </h2>
    </section>
  );
}

/** The lot on the block: name, price to beat, who leads, and the countdown. */
export function LotCard(props: Props) {
  const { snapshot, clock, nameOf, timerSeconds, lastMoment } = props;
  const lot = snapshot.currentLot;
  if (!lot) return <Waiting {...props} />;
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
