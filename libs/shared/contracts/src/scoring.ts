export interface CsvImportReport {
  inserted: number;
  updated: number;
  errors: Array<{ line: number; message: string }>;
}

export interface Fixture {
  id: string;
  externalMatchId: string;
  startsAt: string;
  homeTeam: string;
  awayTeam: string;
  competition: string;
  status: 'scheduled' | 'completed';
  result: { homeGoals: number; awayGoals: number } | null;
}

export type Tiebreaks = { goals: number; wins: number } | { catches: number; stumpings: number; runOuts: number };

export interface LeaderboardEntry {
  rank: number;
  userId: string;
  displayName: string;
  points: number;
  spent: number;
  tiebreaks: Tiebreaks;
}

export interface Leaderboard {
  leagueId: string;
  entries: LeaderboardEntry[];
}

export interface Breakdown {
  userId: string;
  total: number;
  matches: Array<{
    externalMatchId: string;
    points: number;
    assets: Array<{ assetId: string; name: string; points: number }>;
  }>;
}
