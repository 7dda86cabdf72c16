import type { DatabaseHandle } from '@auction/db';
import type { AcceptedBid } from '@auction/contracts';
import type { BidContext, BidKey, BidToWrite, BidsRepository } from '../libs/auction/feature/src/data/bids.repository.js';

/** The product's two bid statements, outside any transaction, as the optimistic path sends them. */
export interface BidStatements {
  peek(key: BidKey): Promise<BidContext>;
  acceptIfUnchanged(key: BidKey, seenSeq: number, bid: BidToWrite): Promise<AcceptedBid | null>;
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
  return {
    peek: (key) => repository.context(database.db, key),
    acceptIfUnchanged: (key, seenSeq, bid) => repository.acceptIfUnchanged(database.db, key, seenSeq, bid),
  };
}
