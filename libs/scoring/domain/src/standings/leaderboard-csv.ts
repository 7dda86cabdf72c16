import { csvDocument, type Leaderboard, type SportKey } from '@auction/contracts';

/** Each sport's tie-break stats, in the order they decide (the keys of `tiebreaks`). */
export const TIEBREAK_COLUMNS: Readonly<Record<SportKey, readonly string[]>> = {
  football: ['goals', 'wins'],
  cricket: ['catches', 'stumpings', 'runOuts'],
};

/** `leaderboard.csv` (SPEC §8 "Exports"): `rank,manager,userId,points,spent`, then the sport's tie-break columns. */
export function leaderboardCsv(sport: SportKey, leaderboard: Leaderboard): string {
  const columns = TIEBREAK_COLUMNS[sport];
  const header = ['rank', 'manager', 'userId', 'points', 'spent', ...columns];
  const rows = leaderboard.entries.map((entry) => {
    const tiebreaks = entry.tiebreaks as Readonly<Record<string, number>>;
    return [entry.rank, entry.displayName, entry.userId, entry.points, entry.spent, ...columns.map((column) => tiebreaks[column] ?? 0)];
  });
  return csvDocument([header, ...rows]);
}
