/** A club as seeded into the football catalogue. `externalId` never changes once published. */
export interface FootballClub {
  externalId: string;
  name: string;
  /** Three-letter code shown where space is short (ARS, AVL, …). */
  shortName: string;
  country: string;
  competitions: string[];
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
}

export interface Competition {
  key: string;
  name: string;
}
