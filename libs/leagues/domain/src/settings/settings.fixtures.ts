import type { CreateLeagueRequest } from '@auction/contracts';
import { assetIdFor } from '../catalogue/asset-ids.js';
import type { SettingsIssue, SettingsResult } from './league-settings.js';

export const ARSENAL = assetIdFor('football', 'eng-arsenal');
export const CHELSEA = assetIdFor('football', 'eng-chelsea');
export const REAL_MADRID = assetIdFor('football', 'esp-real-madrid');
export const WILLIAMSON = assetIdFor('cricket', 'nz-kane-williamson');
export const ROOT = assetIdFor('cricket', 'eng-joe-root');
export const UNKNOWN_ID = '3f1d8a52-0c6e-4b7a-9d2f-5e8c1b4a7d90';

export function football(overrides: Partial<CreateLeagueRequest> = {}): CreateLeagueRequest {
  return { name: 'Clubhouse League', sport: 'football', ...overrides };
}

export function cricket(overrides: Partial<CreateLeagueRequest> = {}): CreateLeagueRequest {
  return { name: 'Summer XI', sport: 'cricket', ...overrides };
}

export function settingsOf(result: SettingsResult) {
  if (!result.ok) throw new Error(`expected valid settings, got ${JSON.stringify(result.issues)}`);
  return result.settings;
}

export function issuesOf(result: SettingsResult): SettingsIssue[] {
  if (result.ok) throw new Error('expected issues, got valid settings');
  return result.issues;
}
