import type { ScoringRules, SportKey } from '@auction/contracts';

/** A league's settings once defaults are merged and every rule holds. */
export interface LeagueSettings {
  name: string;
  sport: SportKey;
  competition: string | null;
  /** The asset pool, every id an asset of `sport`; with a fixed order, lots open in this order. */
  assetIds: string[];
  budget: number;
  rosterSize: number;
  minManagers: number;
  maxManagers: number;
  openingBid: number;
  minIncrement: number;
  bidTimerSeconds: number;
  antiSnipeSeconds: number;
  nominationOrder: 'random' | 'fixed';
  scoringRules: ScoringRules;
}

/** One broken rule, worded for the commissioner; `path` names the field (`scoringRules.win`, `assetIds.3`). */
export interface SettingsIssue {
  path: string;
  message: string;
}

export type SettingsResult = { ok: true; settings: LeagueSettings } | { ok: false; issues: SettingsIssue[] };
