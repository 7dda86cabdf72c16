import type { LotStatus } from './bid-rules.js';

export interface InvariantManager {
  userId: string;
  spent: number;
  budgetRemaining: number;
  roster: ReadonlyArray<{ assetId: string; price: number }>;
}

export interface InvariantLot {
  id: string;
  status: LotStatus;
  winnerId: string | null;
  price: number | null;
  /**
   * The commissioner undid or reassigned its sale: its owner and price are what the correction
   * says (checked by `checkFormatInvariants`), not what its bids say.
   */
  corrected?: boolean;
}

export interface InvariantBid {
  lotId: string;
  seq: number;
  amount: number;
  bidderId: string;
}

export interface AuctionState {
  budget: number;
  rosterSize: number;
  managers: readonly InvariantManager[];
  lots: readonly InvariantLot[];
  /** Accepted bids in the order they were accepted. */
  bids: readonly InvariantBid[];
}

export type InvariantRule =
  | 'ASSET_OWNED_TWICE'
  | 'LOT_LISTED_TWICE'
  | 'NEGATIVE_BUDGET'
  | 'BUDGET_MISMATCH'
  | 'SPENT_MISMATCH'
  | 'ROSTER_OVER_SIZE'
  | 'ROSTER_LOT_MISMATCH'
  | 'SEQ_NOT_INCREASING'
  | 'BID_NOT_ABOVE_HIGH'
  | 'BID_BY_NON_MANAGER'
  | 'BID_ON_UNOPENED_LOT'
  | 'SALE_NOT_HIGHEST_BID'
  | 'UNSOLD_WITH_BIDS';

export interface InvariantViolation {
  rule: InvariantRule;
  message: string;
}

/**
 * Checks the auction invariants of SPEC §3 on a plain picture of the state (as read back
 * from the database after a scenario). Returns every violation found; empty means sound.
 */
export function checkAuctionInvariants(state: AuctionState): InvariantViolation[] {
  return [
    ...checkUniqueOwnership(state.managers),
    ...checkUniqueLots(state.lots),
    ...state.managers.flatMap((manager) => checkManagerBooks(manager, state)),
    ...checkRostersMatchSales(state),
    ...checkBidSequence(state.bids),
    ...checkBidsPerLot(state),
  ];
}

function violation(rule: InvariantRule, message: string): InvariantViolation {
  return { rule, message };
}

function checkUniqueOwnership(managers: readonly InvariantManager[]): InvariantViolation[] {
  const ownerByAsset = new Map<string, string>();
  const found: InvariantViolation[] = [];
  for (const manager of managers) {
    for (const { assetId } of manager.roster) {
      const owner = ownerByAsset.get(assetId);
      if (owner === undefined) ownerByAsset.set(assetId, manager.userId);
      else found.push(violation('ASSET_OWNED_TWICE', `asset ${assetId} is owned by ${owner} and by ${manager.userId}`));
    }
  }
  return found;
}

function checkUniqueLots(lots: readonly InvariantLot[]): InvariantViolation[] {
  const seen = new Set<string>();
  const found: InvariantViolation[] = [];
  for (const lot of lots) {
    if (seen.has(lot.id)) found.push(violation('LOT_LISTED_TWICE', `lot ${lot.id} appears more than once`));
    seen.add(lot.id);
  }
  return found;
}

function checkManagerBooks(manager: InvariantManager, { budget, rosterSize }: AuctionState): InvariantViolation[] {
  const found: InvariantViolation[] = [];
  const who = `manager ${manager.userId}`;
  if (manager.budgetRemaining < 0) {
    found.push(violation('NEGATIVE_BUDGET', `${who} has a negative budget of ${manager.budgetRemaining}`));
  }
  if (manager.spent + manager.budgetRemaining !== budget) {
    found.push(violation('BUDGET_MISMATCH', `${who}: spent ${manager.spent} + remaining ${manager.budgetRemaining} ≠ budget ${budget}`));
  }
  const rosterTotal = sum(manager.roster.map((entry) => entry.price));
  if (rosterTotal !== manager.spent) {
    found.push(violation('SPENT_MISMATCH', `${who}: spent ${manager.spent} but roster prices total ${rosterTotal}`));
  }
  if (manager.roster.length > rosterSize) {
    found.push(violation('ROSTER_OVER_SIZE', `${who} holds ${manager.roster.length} assets, over the size ${rosterSize}`));
  }
  return found;
}

/** Each manager's roster must be exactly what the sold lots gave them (count and prices). */
function checkRostersMatchSales({ managers, lots }: AuctionState): InvariantViolation[] {
  const soldLots = lots.filter((lot) => lot.status === 'sold');
  const won = groupBy(soldLots, (lot) => lot.winnerId ?? '');
  const found: InvariantViolation[] = [];
  const managerIds = new Set(managers.map((manager) => manager.userId));
  for (const manager of managers) {
    const wonPrices = sortedNumbers((won.get(manager.userId) ?? []).map((lot) => lot.price ?? 0));
    const rosterPrices = sortedNumbers(manager.roster.map((entry) => entry.price));
    if (wonPrices.join(',') !== rosterPrices.join(',')) {
      found.push(
        violation(
          'ROSTER_LOT_MISMATCH',
          `manager ${manager.userId} won lots at [${wonPrices.join(', ')}] but the roster holds [${rosterPrices.join(', ')}]`,
        ),
      );
    }
  }
  for (const winnerId of won.keys()) {
    if (!managerIds.has(winnerId)) {
      found.push(violation('ROSTER_LOT_MISMATCH', `lots were sold to ${winnerId || 'nobody'}, who is not a manager`));
    }
  }
  return found;
}

function checkBidSequence(bids: readonly InvariantBid[]): InvariantViolation[] {
  const found: InvariantViolation[] = [];
  for (let i = 1; i < bids.length; i++) {
    const [previous, current] = [bids[i - 1], bids[i]];
    if (current.seq <= previous.seq) {
      found.push(violation('SEQ_NOT_INCREASING', `bid seq ${current.seq} follows seq ${previous.seq}`));
    }
  }
  return found;
}

function checkBidsPerLot(state: AuctionState): InvariantViolation[] {
  const bidsByLot = groupBy(state.bids, (bid) => bid.lotId);
  const managerIds = new Set(state.managers.map((manager) => manager.userId));
  const found: InvariantViolation[] = [];
  for (const bid of state.bids) {
    if (!managerIds.has(bid.bidderId)) {
      found.push(violation('BID_BY_NON_MANAGER', `bid seq ${bid.seq} is by ${bid.bidderId}, who is not a manager`));
    }
  }
  for (const lot of state.lots) {
    found.push(...checkLotBids(lot, sortBySeq(bidsByLot.get(lot.id) ?? [])));
  }
  return found;
}

function checkLotBids(lot: InvariantLot, bids: readonly InvariantBid[]): InvariantViolation[] {
  const found: InvariantViolation[] = [];
  for (let i = 1; i < bids.length; i++) {
    const [previous, current] = [bids[i - 1], bids[i]];
    if (current.amount <= previous.amount) {
      found.push(
        violation('BID_NOT_ABOVE_HIGH', `lot ${lot.id}: bid seq ${current.seq} of ${current.amount} is not above ${previous.amount}`),
      );
    }
  }
  const highest = bids.at(-1);
  if (lot.status === 'pending' && bids.length > 0) {
    found.push(violation('BID_ON_UNOPENED_LOT', `lot ${lot.id} has bids but never opened`));
  }
  if (lot.corrected) return found;
  if (lot.status === 'unsold' && bids.length > 0) {
    found.push(violation('UNSOLD_WITH_BIDS', `lot ${lot.id} went unsold despite ${bids.length} bid(s)`));
  }
  if (lot.status === 'sold' && (highest?.bidderId !== lot.winnerId || highest?.amount !== lot.price)) {
    const best = highest ? `${highest.bidderId} at ${highest.amount}` : 'no bid';
    found.push(
      violation('SALE_NOT_HIGHEST_BID', `lot ${lot.id} was sold to ${lot.winnerId} at ${lot.price}, but the highest bid was ${best}`),
    );
  }
  return found;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function sortBySeq(bids: readonly InvariantBid[]): InvariantBid[] {
  return [...bids].sort((a, b) => a.seq - b.seq);
}

function sortedNumbers(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
