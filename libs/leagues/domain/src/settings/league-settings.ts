
import type { LeagueSettings } from '@auction/contracts';

export type { LeagueSettings };

/** One broken rule, worded for the commissioner; `path` names the field (`scoringRules.win`, `assetIds.3`). */
export interface SettingsIssue {
  path: string;
  message: string;
}

export type SettingsResult = { ok: true; settings: LeagueSettings } | { ok: false; issues: SettingsIssue[] };
