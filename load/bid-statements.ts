import type { DatabaseHandle } from '@auction/db';
import type { BidsRepository } from '../libs/auction/feature/src/bids/bids.repository.js';

/**
 * The product's own bid statements (BidsRepository, constructed by hand, without Nest), loaded
 * from the build: its source carries Nest's parameter decorators, which tsx does not compile
 * under the root tsconfig.
 */
export async function bidStatements(database: DatabaseHandle): Promise<BidsRepository> {
  const built = new URL('../libs/auction/feature/dist/bids/bids.repository.js', import.meta.url).href;
  const { BidsRepository: Repository } = (await import(built)) as typeof import('../libs/auction/feature/src/bids/bids.repository.js');
  return new Repository(database);
}
