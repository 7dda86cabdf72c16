import type { Asset, AuctionQueue, NominationAnswer, Page, SportKey } from '@auction/contracts';
import { api } from '../api/client';
import { leaguesApi } from '../api/endpoints';
import { newId } from '../lib/id';

const enc = encodeURIComponent;

/** The calls of SPEC §8's room: nominations and the caller's private queue. */
export const formatsApi = {
  nominate: (auctionId: string, assetId: string, amount: number) =>
    api.post<NominationAnswer>(`/api/auctions/${enc(auctionId)}/nominations`, { assetId, amount, clientBidId: newId() }),
  queue: (auctionId: string) => api.get<AuctionQueue>(`/api/auctions/${enc(auctionId)}/queue`),
  saveQueue: (auctionId: string, assetIds: string[]) =>
    api.request<AuctionQueue>(`/api/auctions/${enc(auctionId)}/queue`, { method: 'PUT', json: { assetIds } }),
};

/** The league's pool as catalogue assets, in pool order (the catalogue of one sport is a few pages at most). */
export async function poolAssets(leagueId: string, sport: SportKey): Promise<Asset[]> {
  const league = await leaguesApi.get(leagueId);
  const byId = new Map<string, Asset>();
  let cursor: string | null = null;
  do {
    const page: Page<Asset> = await leaguesApi.assets({ sport, limit: 200, cursor });
    for (const asset of page.items) byId.set(asset.id, asset);
    cursor = page.nextCursor;
  } while (cursor);
  return league.assetIds.map((id) => byId.get(id)).filter((asset): asset is Asset => asset !== undefined);
}
