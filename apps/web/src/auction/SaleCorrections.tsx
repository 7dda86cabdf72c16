import type { AuctionSnapshot, ClosedLot } from '@auction/contracts';
import { useId, useState } from 'react';
import { auctionsApi } from '../api/endpoints';
import { describeError } from '../api/errors';
import { formatMoney } from '../lib/format';
import type { NameOf } from './auditWords';

interface Props {
  snapshot: AuctionSnapshot;
  nameOf: NameOf;
  onSnapshot: (snapshot: AuctionSnapshot) => void;
}

type Draft = { kind: 'undo'; lot: ClosedLot } | { kind: 'reassign'; lot: ClosedLot; userId: string; price: number };

/** What the commissioner is about to do, naming the club and the amounts. */
export function correctionQuestion(draft: Draft, nameOf: NameOf): string {
  const { lot } = draft;
  const owner = nameOf(lot.winnerId);
  if (draft.kind === 'undo')
    return `Undo the sale of ${lot.asset.name} to ${owner}? ${owner} gets ${formatMoney(lot.price)} back and the slot is free again.`;
  if (draft.userId === lot.winnerId)
    return `Change the price of ${lot.asset.name} (${owner}) from ${formatMoney(lot.price)} to ${formatMoney(draft.price)}?`;
  return `Move ${lot.asset.name} from ${owner} (${formatMoney(lot.price)} back) to ${nameOf(draft.userId)} for ${formatMoney(draft.price)}?`;
}

/** The commissioner undoes or reassigns a sale, after a confirmation that says exactly what changes. */
export function SaleCorrections({ snapshot, nameOf, onSnapshot }: Props) {
  const ids = { lot: useId(), manager: useId(), price: useId() };
  const sold = snapshot.lots.filter((lot) => lot.status === 'sold');
  const [lotId, setLotId] = useState('');
  const [userId, setUserId] = useState('');
  const [price, setPrice] = useState('');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  if (sold.length === 0) return null;
  const lot = sold.find((l) => l.lotId === lotId) ?? null;

  async function confirm(chosen: Draft) {
    setState({ busy: true, error: null });
    try {
      const answer =
        chosen.kind === 'undo'
          ? await auctionsApi.undoSale(snapshot.id, chosen.lot.lotId)
          : await auctionsApi.reassignSale(snapshot.id, chosen.lot.lotId, chosen.userId, chosen.price);
      onSnapshot(answer);
      setDraft(null);
      setLotId('');
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: describeError(error) });
    }
  }

  const amount = Number(price);
  const canReassign = lot !== null && userId !== '' && Number.isInteger(amount) && amount > 0;

  return (
    <section className="panel corrections" aria-labelledby="corrections-title" data-testid="sale-corrections">
      <h2 id="corrections-title">Correct a sale</h2>
      <div className="field">
        <label htmlFor={ids.lot}>Sale</label>
        <select id={ids.lot} value={lotId} onChange={(e) => (setLotId(e.target.value), setDraft(null))} data-testid="correction-lot">
          <option value="">Choose a sale…</option>
          {sold.map((l) => (
            <option key={l.lotId} value={l.lotId}>
              {l.asset.name} — {nameOf(l.winnerId)}, {formatMoney(l.price)}
            </option>
          ))}
        </select>
      </div>
      {lot && !draft && (
        <div className="stack">
          <button type="button" className="button danger" onClick={() => setDraft({ kind: 'undo', lot })} data-testid="correction-undo">
            Undo this sale
          </button>
          <div className="input-row">
            <div className="field">
              <label htmlFor={ids.manager}>New owner</label>
              <select id={ids.manager} value={userId} onChange={(e) => setUserId(e.target.value)} data-testid="correction-manager">
                <option value="">Choose a manager…</option>
                {snapshot.managers.map((m) => (
                  <option key={m.userId} value={m.userId}>
                    {m.displayName}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={ids.price}>Price (£m)</label>
              <input
                id={ids.price}
                inputMode="numeric"
                value={price}
                onChange={(e) => setPrice(e.target.value.trim())}
                data-testid="correction-price"
              />
            </div>
          </div>
          <button
            type="button"
            className="button"
            disabled={!canReassign}
            onClick={() => canReassign && setDraft({ kind: 'reassign', lot, userId, price: amount })}
            data-testid="correction-reassign"
          >
            Reassign this sale
          </button>
        </div>
      )}
      {draft && (
        <div className="notice" role="alertdialog" aria-labelledby="correction-question" data-testid="correction-confirm">
          <p id="correction-question">{correctionQuestion(draft, nameOf)}</p>
          <p className="meta">Every member sees this in the room and in the commissioner actions.</p>
          <div className="actions">
            <button
              type="button"
              className="button primary"
              disabled={state.busy}
              onClick={() => void confirm(draft)}
              data-testid="correction-confirm-yes"
            >
              {draft.kind === 'undo' ? 'Undo the sale' : 'Reassign the sale'}
            </button>
            <button type="button" className="button" disabled={state.busy} onClick={() => setDraft(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {state.error && (
        <p className="notice error" role="alert" data-testid="correction-error">
          {state.error}
        </p>
      )}
    </section>
  );
}
