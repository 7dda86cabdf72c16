import type { NominationMode } from '@auction/contracts';
import type { InvariantBid, InvariantLot, InvariantViolation } from './invariants.js';

export interface FormatInvariantBid extends InvariantBid {
  proxy: boolean;
  /** The maximum in force when a proxy bid was placed (stored with the bid, never shown); null for other bids. */
  proxyMaxAmount: number | null;
}

export interface FormatInvariantLot extends InvariantLot {
  /** `managers` mode: the turn (1, 2, …) whose nomination opened the lot, and who nominated it. */
  turn: number | null;
  nominatedBy: string | null;
}

export interface InvariantCorrection {
  lotId: string;
  seq: number;
  action: 'undo' | 'reassign';
  /** The new owner and price of a reassign; null for an undo. */
  toUserId: string | null;
  price: number | null;
}

export interface FormatAuctionState {
  nominationMode: NominationMode;
  lots: readonly FormatInvariantLot[];
  /** Accepted bids in the order they were accepted. */
  bids: readonly FormatInvariantBid[];
  corrections: readonly InvariantCorrection[];
}

export type FormatInvariantRule =
  | 'PROXY_OVER_MAXIMUM'
  | 'PROXY_BID_NOT_NEEDED'
  | 'LOT_WITHOUT_NOMINATOR'
  | 'FIRST_BID_NOT_NOMINATION'
  | 'TURN_NOMINATED_TWICE'
  | 'TURN_SKIPPED'
  | 'CORRECTION_NOT_APPLIED';

export interface FormatInvariantViolation extends Omit<InvariantViolation, 'rule'> {
  rule: FormatInvariantRule;
}

/**
 * The invariants SPEC §8 adds to §3, on the same plain picture of the state: no proxy bid
 * above its maximum or placed for a manager who already led; in `managers` mode every turn
 * nominated exactly once, every lot nominated by one manager whose bid is its first; every
 * sale left as its last correction put it. Run beside `checkAuctionInvariants`.
 */
export function checkFormatInvariants(state: FormatAuctionState): FormatInvariantViolation[] {
  const bidsByLot = bidsPerLot(state.bids);
  return [
    ...state.lots.flatMap((lot) => checkProxyBids(lot, bidsByLot.get(lot.id) ?? [])),
    ...(state.nominationMode === 'managers' ? checkNominations(state, bidsByLot) : []),
    ...checkCorrections(state),
  ];
}

function violation(rule: FormatInvariantRule, message: string): FormatInvariantViolation {
  return { rule, message };
}

function checkProxyBids(lot: FormatInvariantLot, bids: readonly FormatInvariantBid[]): FormatInvariantViolation[] {
  return bids.flatMap((bid, index) => {
    if (!bid.proxy) return [];
    const found: FormatInvariantViolation[] = [];
    if (bid.proxyMaxAmount === null || bid.amount > bid.proxyMaxAmount) {
      found.push(
        violation(
          'PROXY_OVER_MAXIMUM',
          `lot ${lot.id}: proxy bid seq ${bid.seq} of ${bid.amount} is above its maximum ${bid.proxyMaxAmount}`,
        ),
      );
    }
    if (index > 0 && bids[index - 1].bidderId === bid.bidderId) {
      found.push(
        violation('PROXY_BID_NOT_NEEDED', `lot ${lot.id}: proxy bid seq ${bid.seq} was placed for ${bid.bidderId}, who needed no bid`),
      );
    }
    return found;
  });
}

function checkNominations(state: FormatAuctionState, bidsByLot: Map<string, FormatInvariantBid[]>): FormatInvariantViolation[] {
  const opened = state.lots.filter((lot) => lot.status !== 'pending');
  return [...opened.flatMap((lot) => checkNominatedLot(lot, bidsByLot.get(lot.id) ?? [])), ...checkTurns(opened)];
}

function checkNominatedLot(lot: FormatInvariantLot, bids: readonly FormatInvariantBid[]): FormatInvariantViolation[] {
  if (lot.nominatedBy === null || lot.turn === null) {
    return [violation('LOT_WITHOUT_NOMINATOR', `lot ${lot.id} has no nominator or turn`)];
  }
  const first = bids[0];
  if (first === undefined || first.bidderId !== lot.nominatedBy || first.proxy) {
    const seen = first ? `seq ${first.seq} by ${first.bidderId}` : 'no bid';
    return [violation('FIRST_BID_NOT_NOMINATION', `lot ${lot.id} was nominated by ${lot.nominatedBy} but its first bid is ${seen}`)];
  }
  return [];
}

/** Turns are numbered from 1: the nominated ones must be 1..n, each once (the turn in progress has no lot yet). */
function checkTurns(lots: readonly FormatInvariantLot[]): FormatInvariantViolation[] {
  const turns = lots.flatMap((lot) => (lot.turn === null ? [] : [lot.turn])).sort((a, b) => a - b);
  const found: FormatInvariantViolation[] = [];
  let previous = 0;
  for (const turn of turns) {
    if (turn === previous) found.push(violation('TURN_NOMINATED_TWICE', `turn ${turn} opened more than one lot`));
    else if (turn > previous + 1) found.push(violation('TURN_SKIPPED', `turns ${previous + 1}..${turn - 1} opened no lot`));
    previous = turn;
  }
  return found;
}

function checkCorrections({ lots, corrections }: FormatAuctionState): FormatInvariantViolation[] {
  const last = new Map<string, InvariantCorrection>();
  for (const correction of [...corrections].sort((a, b) => a.seq - b.seq)) last.set(correction.lotId, correction);
  return lots.flatMap((lot) => {
    const correction = last.get(lot.id);
    if (correction === undefined) return [];
    const expected =
      correction.action === 'undo' ? { winnerId: null, price: null } : { winnerId: correction.toUserId, price: correction.price };
    if (lot.winnerId === expected.winnerId && lot.price === expected.price) return [];
    return [
      violation(
        'CORRECTION_NOT_APPLIED',
        `lot ${lot.id} belongs to ${lot.winnerId} at ${lot.price}, but its last correction (seq ${correction.seq}) gave it to ${expected.winnerId} at ${expected.price}`,
      ),
    ];
  });
}

function bidsPerLot(bids: readonly FormatInvariantBid[]): Map<string, FormatInvariantBid[]> {
  const groups = new Map<string, FormatInvariantBid[]>();
  for (const bid of [...bids].sort((a, b) => a.seq - b.seq)) {
    const group = groups.get(bid.lotId);
    if (group) group.push(bid);
    else groups.set(bid.lotId, [bid]);
  }
  return groups;
}
