import { checkNumbers, leagueSettingsFields, type CreateLeagueRequest, type Sport } from '@auction/contracts';
import type { AssetCatalogue } from '../catalogue/catalogue-assets.js';
import { resolveAssetPool } from './asset-pool.js';
import type { LeagueSettings, SettingsIssue, SettingsResult } from './league-settings.js';
import { checkScoringRules } from './scoring-rules.js';

const NAME_MAX = leagueSettingsFields.name.maxLength ?? 80;

type SettingsWithoutPool = Omit<LeagueSettings, 'competition' | 'assetIds'>;

function withDefaults(input: CreateLeagueRequest, sport: Sport): SettingsWithoutPool {
  const defaults = sport.defaults;
  return {
    name: input.name.trim(),
    sport: sport.key,
    budget: input.budget ?? defaults.budget,
    rosterSize: input.rosterSize ?? defaults.rosterSize,
    minManagers: input.minManagers ?? defaults.minManagers,
    maxManagers: input.maxManagers ?? defaults.maxManagers,
    openingBid: input.openingBid ?? defaults.openingBid,
    minIncrement: input.minIncrement ?? defaults.minIncrement,
    bidTimerSeconds: input.bidTimerSeconds ?? defaults.bidTimerSeconds,
    antiSnipeSeconds: input.antiSnipeSeconds ?? defaults.antiSnipeSeconds,
    lotGapSeconds: input.lotGapSeconds ?? defaults.lotGapSeconds,
    leadInSeconds: input.leadInSeconds ?? defaults.leadInSeconds,
    nominationOrder: input.nominationOrder ?? defaults.nominationOrder,
    scoringRules: { ...(input.scoringRules ?? defaults.scoringRules) },
  };
}

function nameIssues(name: string): SettingsIssue[] {
  if (name.length === 0) return [{ path: 'name', message: 'Give the league a name.' }];
  if (name.length > NAME_MAX) {
    return [{ path: 'name', message: `The league name can be at most ${NAME_MAX} characters — it has ${name.length}.` }];
  }
  return [];
}

/**
 * A new league's settings: the sport's defaults for every omitted field, then every rule
 * checked. `sport` must be the sport the input names (looked up among the enabled sports).
 */
export function resolveLeagueSettings(input: CreateLeagueRequest, sport: Sport, catalogue: AssetCatalogue): SettingsResult {
  if (input.sport !== sport.key) {
    throw new Error(`resolveLeagueSettings: the input is for ${input.sport} but the sport given is ${sport.key}`);
  }
  const settings = withDefaults(input, sport);
  const pool = resolveAssetPool({ ...input, nominationOrder: settings.nominationOrder }, sport, catalogue);
  const issues = [
    ...nameIssues(settings.name),
    ...checkNumbers(settings, sport),
    ...checkScoringRules(settings.scoringRules, sport),
    ...pool.issues,
  ];
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, settings: { ...settings, competition: pool.competition, assetIds: pool.assetIds } };
}
