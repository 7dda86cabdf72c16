export interface CompletionState {
  rosterSize: number;
  rosterCounts: readonly number[];
  /** Lots not yet opened; ask after the current lot has closed. */
  lotsRemaining: number;
}

export function isAuctionComplete({ rosterSize, rosterCounts, lotsRemaining }: CompletionState): boolean {
  return lotsRemaining <= 0 || rosterCounts.every((count) => count >= rosterSize);
}
