export interface Rankable {
  userId: string;
  points: number;
  /** Tie-break stats in the order they decide; higher wins. */
  tiebreakValues: readonly number[];
  spent: number;
  joinedAt: Date;
}

/**
 * The leaderboard order: points, then the sport's tie-break stats (higher first), then the
 * lower spend, then the earlier join; the user id only makes equal records deterministic.
 */
export function compareStanding(a: Rankable, b: Rankable): number {
  return (
    b.points - a.points ||
    compareDescending(a.tiebreakValues, b.tiebreakValues) ||
    a.spent - b.spent ||
    a.joinedAt.getTime() - b.joinedAt.getTime() ||
    compareCodeUnits(a.userId, b.userId)
  );
}

function compareDescending(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (b[i] ?? 0) - (a[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

export function compareCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Sorts a copy and gives ranks 1..n, unique because the order is total. */
export function rank<T extends Rankable>(standings: readonly T[]): Array<T & { rank: number }> {
  return [...standings].sort(compareStanding).map((standing, index) => ({ ...standing, rank: index + 1 }));
}
