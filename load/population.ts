/**
 * The people of a load run: users minted with the cluster's JWT secret, leagues created and
 * joined through the HTTP API, auctions started by their commissioner. Shared by the load
 * harness and `bench:auction`.
 */
import { randomUUID } from 'node:crypto';
import { ACCESS_TOKEN, signAccessToken } from '@auction/auth-guard';
import type { AuctionSnapshot, CreateLeagueRequest } from '@auction/contracts';
import type { Api } from '@auction/testing';

export interface LoadUser {
  id: string;
  token: string;
}

export interface LoadLeague {
  leagueId: string;
  /** The commissioner first, then the managers who joined. */
  users: LoadUser[];
}

/**
 * A person of a load run with an access token that is always valid: signed again once half its
 * lifetime has gone, as the web client refreshes it, so runs longer than a token's lifetime
 * (endurance) reconnect after the server ends an expired socket, and call the API, as signed-in
 * people do.
 */
export function mint(secret: string, name: string): LoadUser {
  const id = randomUUID();
  const user = { id, email: `${name}-${id.slice(0, 8)}@load.test`, displayName: name };
  let token = '';
  let signedAt = -Infinity;
  return {
    id,
    get token() {
      if (Date.now() - signedAt > (ACCESS_TOKEN.ttlSeconds * 1000) / 2) {
        signedAt = Date.now();
        token = signAccessToken(secret, user, new Date(signedAt));
      }
      return token;
    },
  };
}

export async function inBatches<T>(items: T[], size: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map((item, j) => work(item, i + j)));
}

/** The league settings of a load run unless a scenario says otherwise: short lots, no gaps. */
export const LOAD_LEAGUE_SETTINGS: Omit<CreateLeagueRequest, 'name' | 'sport'> = {
  budget: 100_000,
  rosterSize: 3,
  bidTimerSeconds: 8,
  antiSnipeSeconds: 4,
  lotGapSeconds: 0,
  leadInSeconds: 0,
};

/** A league of `members` people (its commissioner included), every one of them a manager. */
export async function setUpLeague(
  api: Api,
  secret: string,
  members: number,
  settings: Omit<CreateLeagueRequest, 'name' | 'sport'> = LOAD_LEAGUE_SETTINGS,
): Promise<LoadLeague> {
  const people = [mint(secret, 'commissioner'), ...Array.from({ length: members - 1 }, (_, i) => mint(secret, `bidder${i + 1}`))];
  return leagueOf(api, people, settings);
}

/** A new league of these people: the first creates it, the others join. */
export async function leagueOf(
  api: Api,
  people: LoadUser[],
  settings: Omit<CreateLeagueRequest, 'name' | 'sport'> = LOAD_LEAGUE_SETTINGS,
): Promise<LoadLeague> {
  const [commissioner, ...managers] = people as [LoadUser, ...LoadUser[]];
  const league = await api.post(
    '/api/leagues',
    { name: `Load ${randomUUID().slice(0, 6)}`, sport: 'football', ...settings },
    { token: commissioner.token },
  );
  if (league.status !== 201) throw new Error(`create league: ${league.status} ${JSON.stringify(league.body)}`);
  await inBatches(managers, 25, async (user) => {
    const joined = await api.post('/api/leagues/join', { inviteToken: league.body.inviteToken }, { token: user.token });
    if (joined.status !== 200) throw new Error(`join: ${joined.status} ${JSON.stringify(joined.body)}`);
  });
  return { leagueId: league.body.id, users: people };
}

export async function startAuction(api: Api, league: LoadLeague): Promise<AuctionSnapshot> {
  const started = await api.post<AuctionSnapshot>('/api/auctions', { leagueId: league.leagueId }, { token: league.users[0]!.token });
  if (started.status !== 201) throw new Error(`start auction: ${started.status} ${JSON.stringify(started.body)}`);
  return started.body;
}

/** `count` leagues of `members` each (the load run's settings, and `settings` beyond them), each with its auction started. */
export async function setUpAuctions(
  api: Api,
  secret: string,
  count: number,
  members: number,
  settings: Partial<CreateLeagueRequest> = {},
): Promise<Array<{ league: LoadLeague; auction: AuctionSnapshot }>> {
  const set: Array<{ league: LoadLeague; auction: AuctionSnapshot }> = [];
  for (let k = 0; k < count; k++) {
    const league = await setUpLeague(api, secret, members, { ...LOAD_LEAGUE_SETTINGS, ...settings });
    set.push({ league, auction: await startAuction(api, league) });
  }
  return set;
}

/** The i-th client's source address: 127.<x>.<y>.1, so nginx's ip_hash (first three octets) spreads clients over the replicas. */
export function sourceAddress(i: number): string {
  return `127.${1 + ((i >> 8) % 200)}.${i % 256}.1`;
}
