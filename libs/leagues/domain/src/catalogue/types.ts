/** A club as seeded into the football catalogue. `externalId` never changes once published. */
export interface FootballClub {
  externalId: string;
  name: string;
  /** Three-letter code shown where space is short (ARS, AVL, …). */
  shortName: string;
  country: string;
  competitions: string[];
  /** 1 = strongest; see `ranking.ts`. */
  rank: number;
  /** Other spellings match-data files use for the club, e.g. football-data.co.uk's "Man United". */
  aliases: string[];
}

export type CricketTeam = 'New Zealand' | 'England';
export type CricketRole = 'Batter' | 'Bowler' | 'All-rounder' | 'Wicketkeeper';

/** A player as seeded into the cricket catalogue. `externalId` never changes once published. */
export interface CricketPlayer {
  externalId: string;
  name: string;
  team: CricketTeam;
  role: CricketRole;
  competitions: string[];
  /** 1 = strongest; see `ranking.ts`. */
  rank: number;
  /** The player's Cricsheet registry identifier, when it is known for certain; else matched by name. */
  registryId: string | null;
}

export interface Competition {
  key: string;
  name: string;
}
