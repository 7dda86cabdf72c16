import type { TransactionOptions } from '@auction/db';

/**
 * Every write to a league's scoring data runs in one transaction holding this advisory lock, so
 * imports, roster updates and recomputes of one league never interleave (across replicas too).
 * The key is shared by every replica and release: changing it lets two versions interleave.
 */
export function leagueLock(leagueId: string): Pick<TransactionOptions, 'lockKey'> {
  return { lockKey: `scoring:${leagueId}` };
}
