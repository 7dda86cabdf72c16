import type { LeagueSettings, SettingsIssue } from '@auction/contracts';

export type { LeagueSettings, SettingsIssue };

export type SettingsResult = { ok: true; settings: LeagueSettings } | { ok: false; issues: SettingsIssue[] };
