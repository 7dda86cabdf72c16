export interface CsvImportReport {
  inserted: number;
  updated: number;
  errors: Array<{ line: number; message: string }>;
}

/** The files the fixtures and results imports read (SPEC §4 and §9). */
export type MatchFileFormat = 'fixtures-csv' | 'football-results-csv' | 'cricket-stats-csv' | 'football-data-csv' | 'cricsheet-json';

/** A person of a match file who changes nothing: not in the league's pool, not in the catalogue, or fits several players. */
export interface SkippedPlayer {
  name: string;
  registryId: string | null;
  team: string;
  reason: 'not-in-pool' | 'unknown' | 'ambiguous';
  message: string;
}

/** What an import changes, listed by a dry run (`?dryRun=true`) before the commissioner confirms. */
export interface ImportPreview {
  matches: Array<{
    externalMatchId: string;
    startsAt: string;
    homeTeam: string;
    awayTeam: string;
    change: 'new' | 'updated';
    result: { homeGoals: number; awayGoals: number } | null;
  }>;
  /** Points of each asset in each match of the file, scored with the league's rules. */
  points: Array<{ externalMatchId: string; assetExternalId: string; name: string; points: number }>;
}

/**
 * The answer of the fixtures and results imports: the SPEC §4 counts (fixtures, results or stat
 * lines, by format) with the format recognised; a dry run stores nothing and adds `preview`.
 */
export interface MatchImportReport extends CsvImportReport {
  format: MatchFileFormat;
  dryRun: boolean;
  /** Results recorded by a football-data.co.uk season file (its `inserted`/`updated` count fixtures). */
  results?: number;
  /** Cricket: stat lines of re-uploaded matches the new file no longer has. */
  removed?: number;
  /** Cricsheet: people of the file who score nothing in this league. */
  skipped?: SkippedPlayer[];
  preview?: ImportPreview;
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
