import type {
  AcceptedBid,
  Asset,
  AuctionResults,
  AuctionSnapshot,
  AuditEntry,
  OwnProxies,
  OwnProxy,
  Breakdown,
  CreateLeagueRequest,
  Fixture,
  Invitation,
  InvitationReport,
  InvitePreview,
  InviteTokenAnswer,
  League,
  Leaderboard,
  MatchImportReport,
  Membership,
  MyCompetition,
  Page,
  SignInResult,
  Sport,
  SportKey,
  UpdateLeagueRequest,
  User,
} from '@auction/contracts';
import { api } from './client';
import { getSession } from './session';

/** Some list answers may be a bare array or a `{items}` page; accept both. */
type ListAnswer<T> = T[] | { items: T[] };
const items = <T>(answer: ListAnswer<T>): T[] => (Array.isArray(answer) ? answer : (answer?.items ?? []));

const enc = encodeURIComponent;

export const authApi = {
  requestMagicLink: (email: string) => api.post<void>('/api/auth/magic-link', { email }, { auth: false }),
  verifyMagicLink: (token: string) => api.post<SignInResult>('/api/auth/verify-magic-link', { token }, { auth: false }),
  logout: async () => {
    const { refreshToken } = getSession();
    if (refreshToken) await api.post<void>('/api/auth/logout', { refreshToken });
  },
  me: () => api.get<User>('/api/auth/me'),
  updateMe: (displayName: string) => api.patch<User>('/api/auth/me', { displayName }),
};

export interface AssetQuery {
  sport: SportKey;
  competition?: string;
  q?: string;
  limit?: number;
  cursor?: string | null;
}

export const leaguesApi = {
  sports: async () => items(await api.get<ListAnswer<Sport>>('/api/sports', undefined)),
  assets: (query: AssetQuery, signal?: AbortSignal) => api.get<Page<Asset>>('/api/assets', { ...query }, signal),
  myCompetitions: async () => items(await api.get<ListAnswer<MyCompetition>>('/api/me/competitions')),
  create: (body: CreateLeagueRequest) => api.post<League>('/api/leagues', body),
  get: (leagueId: string) => api.get<League>(`/api/leagues/${enc(leagueId)}`),
  join: (inviteToken: string) => api.post<Membership>('/api/leagues/join', { inviteToken }),
  removeMember: (leagueId: string, userId: string) => api.delete<void>(`/api/leagues/${enc(leagueId)}/members/${enc(userId)}`),
  update: (leagueId: string, body: UpdateLeagueRequest) => api.patch<League>(`/api/leagues/${enc(leagueId)}`, body),
  rotateInviteToken: (leagueId: string) => api.post<InviteTokenAnswer>(`/api/leagues/${enc(leagueId)}/invite-token`),
  invitePreview: (inviteToken: string) => api.request<InvitePreview>(`/api/leagues/invites/${enc(inviteToken)}`, { auth: false }),
  invite: (leagueId: string, csv: string) => api.postCsv<InvitationReport>(`/api/leagues/${enc(leagueId)}/invitations`, csv),
  invitations: (leagueId: string, cursor: string | null) =>
    api.get<Page<Invitation>>(`/api/leagues/${enc(leagueId)}/invitations`, { limit: 100, cursor }),
  resendInvitations: (leagueId: string, emails: string[]) =>
    api.post<{ items: Invitation[] }>(`/api/leagues/${enc(leagueId)}/invitations/resend`, { emails }),
};

export const auctionsApi = {
  start: (leagueId: string, startsAt?: string) =>
    api.post<AuctionSnapshot>('/api/auctions', startsAt ? { leagueId, startsAt } : { leagueId }),
  startNow: (auctionId: string) => api.post<AuctionSnapshot>(`/api/auctions/${enc(auctionId)}/start`),
  reschedule: (auctionId: string, startsAt: string) => api.patch<AuctionSnapshot>(`/api/auctions/${enc(auctionId)}`, { startsAt }),
  get: (auctionId: string) => api.get<AuctionSnapshot>(`/api/auctions/${enc(auctionId)}`),
  bids: (auctionId: string, lotId: string, signal?: AbortSignal) =>
    api.get<Page<AcceptedBid>>(`/api/auctions/${enc(auctionId)}/bids`, { lotId, limit: 50 }, signal),
  pause: (auctionId: string) => api.post<AuctionSnapshot>(`/api/auctions/${enc(auctionId)}/pause`),
  resume: (auctionId: string) => api.post<AuctionSnapshot>(`/api/auctions/${enc(auctionId)}/resume`),
  end: (auctionId: string) => api.post<AuctionSnapshot>(`/api/auctions/${enc(auctionId)}/end`),
  results: (auctionId: string) => api.get<AuctionResults>(`/api/auctions/${enc(auctionId)}/results`),
  undoSale: (auctionId: string, lotId: string) => api.post<AuctionSnapshot>(`/api/auctions/${enc(auctionId)}/lots/${enc(lotId)}/undo`),
  reassignSale: (auctionId: string, lotId: string, userId: string, price: number) =>
    api.post<AuctionSnapshot>(`/api/auctions/${enc(auctionId)}/lots/${enc(lotId)}/reassign`, { userId, price }),
  /** The newest control actions (start, pause, resume, end, reschedule, undo, reassign). */
  audit: (auctionId: string, signal?: AbortSignal) =>
    api.get<Page<AuditEntry>>(`/api/auctions/${enc(auctionId)}/audit`, { limit: 100 }, signal),
  /** The caller's own proxies (private maxima); nobody else ever sees them. */
  proxies: (auctionId: string, signal?: AbortSignal) => api.get<OwnProxies>(`/api/auctions/${enc(auctionId)}/proxies`, undefined, signal),
  setProxy: (auctionId: string, assetId: string, maxAmount: number) =>
    api.request<OwnProxy>(`/api/auctions/${enc(auctionId)}/proxies/${enc(assetId)}`, { method: 'PUT', json: { maxAmount } }),
  removeProxy: (auctionId: string, assetId: string) => api.delete<void>(`/api/auctions/${enc(auctionId)}/proxies/${enc(assetId)}`),
  /** `results.csv`, written by the server (formula leads defused). */
  resultsCsv: (auctionId: string) => api.get<string>(`/api/auctions/${enc(auctionId)}/results.csv`),
};

export type MatchFileRoute = 'fixtures' | 'results';

export const scoringApi = {
  /** A match file to the fixtures or results import; `dryRun` answers what it would change and stores nothing. */
  importMatchFile: (leagueId: string, route: MatchFileRoute, file: { text: string; contentType: string }, dryRun: boolean) =>
    api.postFile<MatchImportReport>(`/api/scoring/leagues/${enc(leagueId)}/${route}`, file, dryRun ? { dryRun: 'true' } : undefined),
  /** Every fixture of the league, following `nextCursor` (a season can exceed one page). */
  fixtures: async (leagueId: string, signal?: AbortSignal) => {
    const all: Fixture[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 50; page++) {
      const answer: ListAnswer<Fixture> & { nextCursor?: string | null } = await api.get(
        `/api/scoring/leagues/${enc(leagueId)}/fixtures`,
        { limit: 200, cursor },
        signal,
      );
      all.push(...items(answer));
      cursor = Array.isArray(answer) ? null : (answer.nextCursor ?? null);
      if (!cursor) break;
    }
    return all;
  },
  leaderboard: (leagueId: string) => api.get<Leaderboard>(`/api/scoring/leagues/${enc(leagueId)}/leaderboard`),
  /** `leaderboard.csv`, written by the server (formula leads defused). */
  leaderboardCsv: (leagueId: string) => api.get<string>(`/api/scoring/leagues/${enc(leagueId)}/leaderboard.csv`),
  breakdown: (leagueId: string, userId: string) =>
    api.get<Breakdown>(`/api/scoring/leagues/${enc(leagueId)}/managers/${enc(userId)}/breakdown`),
};
