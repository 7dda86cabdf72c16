import type { ClosedLot } from '@auction/contracts';
import { resultText } from './LotCard';

interface Props {
  lots: ClosedLot[];
  nameOf: (userId: string | null) => string;
  assetsWord: string;
}

/** Every lot closed so far, newest first: what a late arrival or a reload needs to catch up. */
export function ClosedLots({ lots, nameOf, assetsWord }: Props) {
  return (
    <section className="panel closed-lots" aria-labelledby="closed-lots-title" data-testid="closed-lots">
      <h2 id="closed-lots-title">So far</h2>
      {lots.length === 0 ? (
        <p className="meta">No {assetsWord.toLowerCase()} sold yet.</p>
      ) : (
        <ol reversed>
          {[...lots].reverse().map((lot) => (
            <li key={lot.lotId} data-testid="closed-lot" data-status={lot.status} data-lot-id={lot.lotId}>
              <span className="closed-lot-name">{lot.asset.name}</span>
              <span className={`closed-lot-result ${lot.status}`}>{resultText(lot, nameOf)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
