import { assetWord, assetsWord, listOf, type Asset, type CreateLeagueRequest, type Sport } from '@auction/contracts';
import type { AssetCatalogue } from '../catalogue/catalogue-assets.js';
import { SPORTS } from '../sports/sports.js';
import type { SettingsIssue } from './league-settings.js';

export type PoolInput = Pick<CreateLeagueRequest, 'competition' | 'assetIds' | 'nominationOrder'>;

export interface AssetPool {
  competition: string | null;
  assetIds: string[];
  issues: SettingsIssue[];
}

function competitionIssues(competition: string | undefined, sport: Sport): SettingsIssue[] {
  if (competition === undefined || sport.competitions.some((known) => known.key === competition)) return [];
  const choices = sport.competitions.map((known) => `${known.key} (${known.name})`);
  return [
    {
      path: 'competition',
      message: `There is no ${sport.name.toLowerCase()} competition "${competition}". Choose ${listOf(choices, 'or')}.`,
    },
  ];
}

function chosenAssetIssue(id: string, index: number, asset: Asset | undefined, sport: Sport): SettingsIssue | undefined {
  const path = `assetIds.${index}`;
  if (!asset) return { path, message: `There is no ${assetWord(sport)} with the id ${id}.` };
  if (asset.sport === sport.key) return undefined;
  const other = SPORTS[asset.sport];
  return {
    path,
    message: `${asset.name} (${id}) is a ${other.name.toLowerCase()} ${assetWord(other)}, not a ${sport.name.toLowerCase()} ${assetWord(sport)}.`,
  };
}

function duplicateIssue(id: string, index: number, asset: Asset | undefined): SettingsIssue {
  return { path: `assetIds.${index}`, message: `${asset ? `${asset.name} (${id})` : id} is listed more than once.` };
}

/** Every chosen id must be a distinct asset of this sport; bad ids are reported one by one. */
function chosenPoolIssues(ids: readonly string[], sport: Sport, catalogue: AssetCatalogue): SettingsIssue[] {
  if (ids.length === 0) return [{ path: 'assetIds', message: `Choose at least one ${assetWord(sport)} to auction.` }];
  const found = new Map(catalogue.byIds([...new Set(ids)]).map((asset) => [asset.id, asset]));
  return ids
    .map((id, index) =>
      ids.indexOf(id) < index ? duplicateIssue(id, index, found.get(id)) : chosenAssetIssue(id, index, found.get(id), sport),
    )
    .filter((issue) => issue !== undefined);
}

function wholeCompetitionPool(competition: string | null, sport: Sport, catalogue: AssetCatalogue): AssetPool {
  const assetIds = catalogue.assetsOf(sport.key, competition ?? undefined).map((asset) => asset.id);
  if (assetIds.length > 0) return { competition, assetIds, issues: [] };
  const source = sport.competitions.find((known) => known.key === competition)?.name ?? sport.name;
  return {
    competition,
    assetIds,
    issues: [
      {
        path: competition ? 'competition' : 'assetIds',
        message: `${source} has no ${assetsWord(sport)} in the catalogue, so there is nothing to auction.`,
      },
    ],
  };
}

/**
 * The assets a league auctions: the chosen `assetIds` in their order, or else every asset of
 * the competition (the sport's first competition when none is named).
 */
export function resolveAssetPool(input: PoolInput, sport: Sport, catalogue: AssetCatalogue): AssetPool {
  const unknownCompetition = competitionIssues(input.competition, sport);
  if (input.assetIds !== undefined) {
    const issues = [...unknownCompetition, ...chosenPoolIssues(input.assetIds, sport, catalogue)];
    return { competition: input.competition ?? null, assetIds: [...input.assetIds], issues };
  }
  const competition = input.competition ?? sport.competitions[0]?.key ?? null;
  if (input.nominationOrder === 'fixed') {
    const fixedIssue = {
      path: 'assetIds',
      message: `A fixed nomination order needs the list of ${assetsWord(sport)} in the order they go up for auction.`,
    };
    return { competition, assetIds: [], issues: [...unknownCompetition, fixedIssue] };
  }
  if (unknownCompetition.length > 0) return { competition, assetIds: [], issues: unknownCompetition };
  return wholeCompetitionPool(competition, sport, catalogue);
}
