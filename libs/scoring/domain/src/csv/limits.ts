/**
 * Upper bounds above which a number is certainly a typo rather than a real match:
 * goals per side, and one cricket player's figures in one match.
 */
export const STAT_LIMITS = {
  goals: 30,
  runs: 400,
  wickets: 10,
  catches: 15,
  stumpings: 10,
  runOuts: 10,
} as const;
