import type { Asset, SportKey } from '@auction/contracts';
import { assetIdFor } from './asset-ids.js';
import { CRICKET_PLAYERS } from './cricket.js';
import { FOOTBALL_CLUBS } from './football.js';
import type { CricketPlayer, FootballClub } from './types.js';

/** The lookups league settings need from an asset catalogue (in memory, or a database-backed one). */
export interface AssetCatalogue {
  /** Assets of a sport, in catalogue order; only those in `competition` when given. */
  assetsOf(sport: SportKey, competition?: string): Asset[];
  /** The assets with these ids; ids that match nothing are simply absent from the answer. */
  byIds(ids: readonly string[]): Asset[];
}

export function clubToAsset(club: FootballClub): Asset {
  return {
    id: assetIdFor('football', club.externalId),
    sport: 'football',
    externalId: club.externalId,
    name: club.name,
    shortName: club.shortName,
    competitions: [...club.competitions],
    team: club.country,
    role: null,
    rank: club.rank,
    aliases: [...club.aliases],
    registryId: null,
  };
}

export function playerToAsset(player: CricketPlayer): Asset {
  return {
    id: assetIdFor('cricket', player.externalId),
    sport: 'cricket',
    externalId: player.externalId,
    name: player.name,
    shortName: null,
    competitions: [...player.competitions],
    team: player.team,
    role: player.role,
    rank: player.rank,
    aliases: [],
    registryId: player.registryId,
  };
}

/** Every seeded asset of every sport, with its stable UUID. */
export const CATALOGUE_ASSETS: readonly Asset[] = [...FOOTBALL_CLUBS.map(clubToAsset), ...CRICKET_PLAYERS.map(playerToAsset)];

export function inMemoryCatalogue(assets: readonly Asset[] = CATALOGUE_ASSETS): AssetCatalogue {
  const byId = new Map(assets.map((asset) => [asset.id, asset]));
  return {
    assetsOf: (sport, competition) =>
      assets.filter((asset) => asset.sport === sport && (competition === undefined || asset.competitions.includes(competition))),
    byIds: (ids) => ids.flatMap((id) => byId.get(id) ?? []),
  };
}
