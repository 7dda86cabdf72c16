import type { DatabaseHandle } from '@auction/db';
import type { AcceptedBid } from '@auction/contracts';
import type { BidKey, BidsRepository } from '../libs/auction/feature/src/data/bids.repository.js';

/** How long the baselines' lots run after each accepted bid (they never close within a run). */
const BASELINE_EXTENSION_MS = 8000;

export type BaselineAnswer = { accepted: AcceptedBid } | { accepted: null; code: 'BID_TOO_LOW' | 'NOT_FOUND' };

/**
 * The SQL a bid sends, as the product's optimistic path sends it, outside any transaction: the
 * context read, then either the compare-and-set accept (when the amount is above the high bid
 * it read; a miss reads again) or the stored refusal (kept for a retry of the same clientBidId, as
 * the product keeps it). No other rule is applied: this is the limit the product's bid path is measured against.
 */
export interface BidStatements {
  decide(key: BidKey, amount: number): Promise<BaselineAnswer>;
}

/**
 * The product's own bid statements (BidsRepository, constructed by hand, without Nest), loaded
 * from the build: the feature's sources carry Nest's parameter decorators, which tsx does not
 * compile under the root tsconfig.
 */
export async function bidStatements(database: DatabaseHandle): Promise<BidStatements> {
  const built = new URL('../libs/auction/feature/dist/data/bids.repository.js', import.meta.url).href;
  const { BidsRepository: Repository } = (await import(built)) as { BidsRepository: new () => BidsRepository };
  const repository = new Repository();
  const db = database.db;
  return {
    async decide(key, amount) {
      // As the product does: a compare-and-set that missed (another bid got in) looks again.
      for (;;) {
        const seen = await repository.context(db, key);
        if (!seen.auction || !seen.lot) return { accepted: null, code: 'NOT_FOUND' };
        const serverTime = new Date();
        if (amount <= (seen.lot.highBid ?? 0)) {
          await repository.recordRefusal(db, key, { code: 'BID_TOO_LOW', message: 'below the high bid', at: serverTime });
          return { accepted: null, code: 'BID_TOO_LOW' };
        }
        const endsAt = new Date(serverTime.getTime() + BASELINE_EXTENSION_MS);
        const [accepted] = await repository.acceptAllIfUnchanged(db, key, seen.auction, [
          { bidderId: key.bidderId, clientBidId: key.clientBidId, amount, serverTime, endsAt },
        ]);
        if (accepted) return { accepted };
      }
    },
  };
}
