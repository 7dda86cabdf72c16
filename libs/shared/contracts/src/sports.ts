import { z } from 'zod';

export const SPORT_KEYS = ['football', 'cricket'] as const;
export const sportKey = z.enum(SPORT_KEYS);
export type SportKey = z.infer<typeof sportKey>;

export interface SportWords {
  asset: string;
  assets: string;
}

export interface FootballRules {
  win: number;
  draw: number;
  goal: number;
}
export interface CricketRules {
  run: number;
  wicket: number;
  catch: number;
  stumping: number;
  runOut: number;
}
export type ScoringRules = FootballRules | CricketRules;

const points = z.number().int().min(-100).max(1000);
export const footballRules = z.strictObject({ win: points, draw: points, goal: points });
export const cricketRules = z.strictObject({
  run: points,
  wicket: points,
  catch: points,
  stumping: points,
  runOut: points,
});

export interface LeagueDefaults {
  budget: number;
  rosterSize: number;
  minManagers: number;
  maxManagers: number;
  openingBid: number;
  minIncrement: number;
  bidTimerSeconds: number;
  antiSnipeSeconds: number;
  lotGapSeconds: number;
  leadInSeconds: number;
  nominationOrder: 'random' | 'fixed';
  scoringRules: ScoringRules;
}

export interface Sport {
  key: SportKey;
  name: string;
  words: SportWords;
  competitions: Array<{ key: string; name: string }>;
  defaults: LeagueDefaults;
}

export interface Asset {
  id: string;
  sport: SportKey;
  externalId: string;
  name: string;
  shortName: string | null;
  competitions: string[];
  /** Country for clubs, team for players. */
  team: string | null;
  role: string | null;
  /** 1 = strongest in the sport's catalogue. */
  rank: number;
  /** Other spellings match-data files use (football-data.co.uk's "Man United"). */
  aliases: string[];
  /** Cricsheet registry identifier of a cricket player, when known. */
  registryId: string | null;
}
