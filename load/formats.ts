/**
 * The auction formats of SPEC §8 as the load harness and `bench:auction` play them: managers
 * nominating in turn, and bidders on proxies. Shared by both.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { AuctionSnapshot, CreateLeagueRequest, ErrorBody, League, SocketNomination } from '@auction/contracts';
import type { Api } from '@auction/testing';
import type { LoadLeague } from './population.js';

/**
 * `managers` mode with a 3 s bid timer and no anti-snipe: every lot closes 3 s after it opens
 * and the next turn starts at once, so many turns fit in a run; 10 s to nominate.
 */
export const MANAGERS_SETTINGS: Partial<CreateLeagueRequest> = {
  nominationMode: 'managers',
  nominationSeconds: 10,
  bidTimerSeconds: 3,
  antiSnipeSeconds: 0,
};

/** Share of each auction's bidders who keep proxies (private maxima) instead of bidding by hand. */
export const PROXY_SHARE = 0.3;

/** How many of `bidders` are on proxies (the first ones of each league). */
export function proxyBidders(bidders: number, share: number | undefined): number {
  return Math.round((share ?? 0) * bidders);
}

/** The league's pool, in its order, and its opening bid. */
export async function leaguePool(api: Api, league: LoadLeague): Promise<{ assetIds: string[]; openingBid: number }> {
  const answer = await api.get<League>(`/api/leagues/${league.leagueId}`, { token: league.users[0]!.token });
  if (answer.status !== 200) throw new Error(`league ${league.leagueId}: ${answer.status}`);
  return { assetIds: answer.body.assetIds, openingBid: answer.body.openingBid };
}

/** A nominator puts up the first asset of the pool that nobody has put up yet, at the opening bid. */
export function nomination(
  auctionId: string,
  pool: readonly string[],
  putUp: ReadonlySet<string>,
  openingBid: number,
): SocketNomination | null {
  const assetId = pool.find((id) => !putUp.has(id));
  return assetId ? { auctionId, assetId, amount: openingBid, clientBidId: randomUUID() } : null;
}

/** The assets an auction has put up so far (open or closed), as its snapshot shows them. */
export function assetsPutUp(snapshot: AuctionSnapshot): string[] {
  return [...snapshot.lots.map((lot) => lot.asset.id), ...(snapshot.currentLot ? [snapshot.currentLot.asset.id] : [])];
}

/** Whose turn it is to nominate, per the auction's snapshot (null outside a turn). */
export async function currentNominator(api: Api, auctionId: string, token: string): Promise<string | null> {
  const { body } = await api.get<AuctionSnapshot>(`/api/auctions/${auctionId}`, { token });
  return body.nomination?.userId ?? null;
}

/** `PUT /api/auctions/:id/proxies/:assetId {maxAmount}`: null when set, else the refusal's code. */
export async function setProxy(api: Api, auctionId: string, assetId: string, maxAmount: number, token: string): Promise<string | null> {
  const answer = await api.put<ErrorBody>(`/api/auctions/${auctionId}/proxies/${assetId}`, { maxAmount }, { token });
  return answer.status === 200 ? null : (answer.body?.code ?? `HTTP_${answer.status}`);
}

/** Bids the engine placed for proxies in these auctions. */
export async function proxyBidCount(databaseUrl: string, auctionIds: string[]): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const found = await client.query('select count(*)::int as n from auction.bids where auction_id = any($1::uuid[]) and proxy', [
      auctionIds,
    ]);
    return found.rows[0].n;
  } finally {
    await client.end();
  }
}
