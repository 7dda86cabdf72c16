import type { CreateLeagueRequest, Sport, UpdateLeagueRequest } from '@auction/contracts';
import type { AssetCatalogue } from '../catalogue/catalogue-assets.js';
import type { LeagueSettings, SettingsResult } from './league-settings.js';
import { resolveLeagueSettings } from './resolve-league-settings.js';

type CarriedField = keyof CreateLeagueRequest;

/** Settings whose defaults differ by sport, plus the pool, which belongs to one sport. */
const SPORT_SPECIFIC: CarriedField[] = ['rosterSize', 'scoringRules', 'competition', 'assetIds', 'nominationOrder'];
/** A fixed order is a list of the old pool, so it goes with the pool. */
const POOL: CarriedField[] = ['assetIds', 'nominationOrder'];

function asRequest(current: LeagueSettings): CreateLeagueRequest {
  const { competition, ...rest } = current;
  return competition === null ? rest : { ...rest, competition };
}

function without(request: CreateLeagueRequest, fields: CarriedField[]): CreateLeagueRequest {
  const kept = { ...request };
  for (const field of fields) delete kept[field];
  return kept;
}

function fieldsToReset(current: LeagueSettings, patch: UpdateLeagueRequest): CarriedField[] {
  if (patch.sport !== undefined && patch.sport !== current.sport) return [...SPORT_SPECIFIC, ...idleRaiseWindow(current, patch)];
  const competitionChanged = patch.competition !== undefined && patch.competition !== current.competition;
  return [...(competitionChanged && patch.assetIds === undefined ? POOL : []), ...idleRaiseWindow(current, patch)];
}

/**
 * The raise window only counts with the `reset` clock; with `extend` a shorter bid timer takes
 * it down with it (back to its default) rather than refusing the edit over a setting not in use.
 */
function idleRaiseWindow(current: LeagueSettings, patch: UpdateLeagueRequest): CarriedField[] {
  const clockMode = patch.clockMode ?? current.clockMode;
  const timerChanged = patch.bidTimerSeconds !== undefined && patch.bidTimerSeconds !== current.bidTimerSeconds;
  return clockMode === 'extend' && timerChanged && patch.raiseSeconds === undefined ? ['raiseSeconds'] : [];
}

function givenFields(patch: UpdateLeagueRequest): Partial<CreateLeagueRequest> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
}

/**
 * The settings after a commissioner's edit. Omitted fields keep their current values, except
 * that a new sport brings that sport's defaults (roster size, scoring, pool, order) and a new
 * competition brings its whole pool, unless the patch sets them. `sport` must be the league's
 * sport after the edit.
 */
export function applyLeagueUpdate(
  current: LeagueSettings,
  patch: UpdateLeagueRequest,
  sport: Sport,
  catalogue: AssetCatalogue,
): SettingsResult {
  const carried = without(asRequest(current), fieldsToReset(current, patch));
  return resolveLeagueSettings({ ...carried, ...givenFields(patch) }, sport, catalogue);
}
