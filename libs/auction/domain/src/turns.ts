import { lotOrder, secureRandom } from './lot-order.js';

/** The managers' turn order at go-live: a uniform random permutation drawn from `random`. */
export function drawTurnOrder(managerIds: readonly string[], random: () => number = secureRandom): string[] {
  return lotOrder(managerIds, 'random', random);
}

export interface TurnState {
  turnOrder: readonly string[];
  rosterSize: number;
  /** Assets each manager holds now; a manager missing from it holds none. */
  rosterCounts: Readonly<Record<string, number>>;
}

/**
 * Who nominates next: the first manager after `previousNominator` in turn order (wrapping
 * round) whose roster is not full; the first such manager when nobody has nominated yet.
 * Null when every roster is full.
 */
export function nextNominator(state: TurnState, previousNominator: string | null): string | null {
  const { turnOrder } = state;
  const start = previousNominator === null ? 0 : turnOrder.indexOf(previousNominator) + 1;
  for (let step = 0; step < turnOrder.length; step++) {
    const candidate = turnOrder[(start + step) % turnOrder.length];
    if (hasRosterRoom(state, candidate)) return candidate;
  }
  return null;
}

function hasRosterRoom({ rosterSize, rosterCounts }: TurnState, userId: string): boolean {
  return (rosterCounts[userId] ?? 0) < rosterSize;
}
