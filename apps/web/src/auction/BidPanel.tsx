import { useId, useState, type FormEvent } from 'react';
import { formatMoney, formatServerTime } from '../lib/format';
import { biddingBlock, checkBid, findManager, quickBids, type BidContext } from './bidRules';
import type { BidStatus } from './useRoomBid';

/** The lot moved on from my bid: someone else leads it now. */
export interface Outbid {
  by: string;
  amount: number;
}

interface Props {
  ctx: BidContext;
  status: BidStatus;
  outbid: Outbid | null;
  /** `lotId` is the lot this panel was showing when the bid was pressed. */
  onBid: (amount: number, lotId: string) => void;
}

const TEST_IDS = { min: 'bid-min', plus5: 'bid-plus-5', plus10: 'bid-plus-10' } as const;

function StatusLine({ status, outbid }: { status: BidStatus; outbid: Outbid | null }) {
  if (outbid && status.state !== 'sending') {
    return (
      <p className="bid-status warning" role="alert" data-testid="bid-status" data-state="outbid">
        <strong>Outbid</strong> — {outbid.by} bid {formatMoney(outbid.amount)}
      </p>
    );
  }
  let text = '';
  let tone = '';
  switch (status.state) {
    case 'idle':
      break;
    case 'sending':
      text =
        status.attempt === 1
          ? `Sending your bid of ${formatMoney(status.amount)}…`
          : `Still sending your bid of ${formatMoney(status.amount)} (try ${status.attempt})…`;
      break;
    case 'accepted':
      text = `Your bid of ${formatMoney(status.amount)} was accepted at ${formatServerTime(status.serverTime)} (server time).`;
      tone = 'success';
      break;
    case 'refused':
    case 'unconfirmed':
      text = status.message;
      tone = 'error';
      break;
  }
  return (
    <p className={`bid-status ${tone}`} aria-live="polite" data-testid="bid-status" data-state={status.state}>
      {text}
    </p>
  );
}

/**
 * Quick bids with the result of my bid right under them, a custom amount, and the reason in
 * plain words when bidding isn't possible. Mounted per lot (keyed by its id), so an amount typed
 * for one lot never carries over to the next.
 */
export function BidPanel({ ctx, status, outbid, onBid }: Props) {
  const id = useId();
  const [custom, setCustom] = useState('');
  const [touched, setTouched] = useState(false);
  const me = findManager(ctx.snapshot, ctx.myUserId);
  const block = biddingBlock(ctx);
  const quick = quickBids(ctx);
  const sending = status.state === 'sending';
  const customAmount = Number(custom);
  const customBlock = custom.trim() === '' ? null : checkBid(ctx, customAmount);
  const firstQuickReason = block ? null : quick.find((q) => q.block)?.block?.reason;
  const lotId = ctx.snapshot?.currentLot?.id ?? null;
  const bid = (amount: number) => {
    if (lotId) onBid(amount, lotId);
  };

  function submitCustom(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (custom.trim() === '' || customBlock || sending) return;
    bid(customAmount);
    setCustom('');
    setTouched(false);
  }

  return (
    <section className="panel bid-panel" aria-labelledby={`${id}-title`} data-testid="bid-panel">
      <h2 id={`${id}-title`} className="visually-hidden">
        Bid
      </h2>
      {me && (
        <dl className="my-money">
          <div>
            <dt>Your budget</dt>
            <dd data-testid="my-budget">{formatMoney(me.budgetRemaining)}</dd>
          </div>
          <div>
            <dt>Your max bid</dt>
            <dd data-testid="my-max-bid">{formatMoney(me.maxBid)}</dd>
          </div>
          <div>
            <dt>Squad</dt>
            <dd data-testid="my-roster-count">
              {me.roster.length} / {ctx.snapshot!.settings.rosterSize}
            </dd>
          </div>
        </dl>
      )}
      <div className="quick-bids" role="group" aria-label="Quick bids">
        {quick.map((q) => (
          <button
            key={q.key}
            type="button"
            className={`button bid-button${q.key === 'min' ? ' primary' : ''}`}
            disabled={!!q.block || sending}
            onClick={() => bid(q.amount)}
            aria-describedby={q.block ? `${id}-reason` : undefined}
            data-testid={TEST_IDS[q.key]}
            data-amount={q.amount || undefined}
          >
            <span className="bid-amount">{q.amount ? formatMoney(q.amount) : '—'}</span>
            <span className="bid-caption">{q.label}</span>
          </button>
        ))}
      </div>
      <StatusLine status={status} outbid={outbid} />
      <p id={`${id}-reason`} className="bid-reason" data-testid="bid-disabled-reason" aria-live="polite">
        {block?.reason ?? firstQuickReason ?? ''}
      </p>
      <form className="custom-bid" onSubmit={submitCustom} noValidate>
        <label htmlFor={`${id}-amount`}>Your amount (£m)</label>
        <div className="input-row">
          <input
            id={`${id}-amount`}
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            value={custom}
            onChange={(e) => setCustom(e.target.value)}
            onBlur={() => setTouched(true)}
            disabled={!!block}
            aria-invalid={touched && customBlock ? true : undefined}
            aria-describedby={`${id}-custom-reason`}
            data-testid="bid-custom-amount"
          />
          <button
            type="submit"
            className="button"
            disabled={!!block || sending || custom.trim() === '' || !!customBlock}
            data-testid="bid-custom-submit"
          >
            Bid
          </button>
        </div>
        <p id={`${id}-custom-reason`} className="field-error" data-testid="bid-custom-reason">
          {!block && custom.trim() !== '' && customBlock ? customBlock.reason : ''}
        </p>
      </form>
    </section>
  );
}
