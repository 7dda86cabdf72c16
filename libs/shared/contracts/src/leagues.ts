import { z } from 'zod';
import { emailSchema } from './auth.js';
import { sportKey, footballRules, cricketRules, type Asset, type ScoringRules, type SportKey } from './sports.js';

export const LEAGUE_LIMITS = {
  budget: { min: 1, max: 100_000 },
  rosterSize: { min: 1, max: 50 },
  managers: { min: 2, max: 500 },
  bidTimerSeconds: { min: 3, max: 600 },
  antiSnipeSeconds: { min: 0, max: 60 },
} as const;

const int = (min: number, max: number) => z.number().int().min(min).max(max);

/** Create body: flat settings; omitted fields take the sport's defaults. */
export const leagueSettingsFields = {
  name: z.string().trim().min(1).max(80),
  sport: sportKey,
  competition: z.string().min(1).max(40).optional(),
  assetIds: z.array(z.uuid()).min(1).max(1000).optional(),
  budget: int(LEAGUE_LIMITS.budget.min, LEAGUE_LIMITS.budget.max).optional(),
  rosterSize: int(LEAGUE_LIMITS.rosterSize.min, LEAGUE_LIMITS.rosterSize.max).optional(),
  minManagers: int(LEAGUE_LIMITS.managers.min, LEAGUE_LIMITS.managers.max).optional(),
  maxManagers: int(LEAGUE_LIMITS.managers.min, LEAGUE_LIMITS.managers.max).optional(),
  openingBid: int(1, LEAGUE_LIMITS.budget.max).optional(),
  minIncrement: int(1, LEAGUE_LIMITS.budget.max).optional(),
  bidTimerSeconds: int(LEAGUE_LIMITS.bidTimerSeconds.min, LEAGUE_LIMITS.bidTimerSeconds.max).optional(),
  antiSnipeSeconds: int(LEAGUE_LIMITS.antiSnipeSeconds.min, LEAGUE_LIMITS.antiSnipeSeconds.max).optional(),
  nominationOrder: z.enum(['random', 'fixed']).optional(),
  scoringRules: z.union([footballRules, cricketRules]).optional(),
};

export const createLeagueRequest = z.strictObject(leagueSettingsFields);
export type CreateLeagueRequest = z.infer<typeof createLeagueRequest>;

export const updateLeagueRequest = z.strictObject({
  ...leagueSettingsFields,
  name: leagueSettingsFields.name.optional(),
  sport: leagueSettingsFields.sport.optional(),
});
export type UpdateLeagueRequest = z.infer<typeof updateLeagueRequest>;

export const joinLeagueRequest = z.strictObject({ inviteToken: z.string().min(16).max(100) });

export type LeagueStatus = 'open' | 'auction' | 'completed';
export type MemberRole = 'commissioner' | 'manager';

export interface LeagueMember {
  userId: string;
  displayName: string;
  role: MemberRole;
  joinedAt: string;
}

/** A league's settings once the sport's defaults are merged and every rule holds. */
export interface LeagueSettings {
  name: string;
  sport: SportKey;
  competition: string | null;
  /** The asset pool; with a fixed order, lots open in this order. */
  assetIds: string[];
  budget: number;
  rosterSize: number;
  minManagers: number;
  maxManagers: number;
  openingBid: number;
  minIncrement: number;
  bidTimerSeconds: number;
  antiSnipeSeconds: number;
  nominationOrder: 'random' | 'fixed';
  scoringRules: ScoringRules;
}

/** The settings an auction copies at its start. */
export type AuctionSettings = Pick<
  LeagueSettings,
  'budget' | 'rosterSize' | 'openingBid' | 'minIncrement' | 'bidTimerSeconds' | 'antiSnipeSeconds' | 'nominationOrder' | 'scoringRules'
>;

export interface League extends LeagueSettings {
  id: string;
  status: LeagueStatus;
  commissionerId: string;
  inviteToken?: string;
  auctionId: string | null;
  members: LeagueMember[];
  createdAt: string;
}

export interface Membership {
  leagueId: string;
  userId: string;
  role: MemberRole;
  joinedAt: string;
}

export interface InvitationRow {
  line: number;
  email: string;
  status: 'sent' | 'already_sent' | 'already_member' | 'invalid';
  message?: string;
}

export interface InvitationReport {
  sent: number;
  skipped: number;
  errors: Array<{ line: number; message: string }>;
  rows: InvitationRow[];
}

export interface MyCompetition {
  leagueId: string;
  name: string;
  sport: z.infer<typeof sportKey>;
  status: LeagueStatus;
  role: MemberRole;
  auctionId: string | null;
  rank: number | null;
  points: number | null;
  managers: number;
  nextFixture: { externalMatchId: string; startsAt: string; homeTeam: string; awayTeam: string } | null;
}

/** `GET /api/assets` query: the catalogue, filtered, in name order, keyset-paginated. */
export const assetsQuery = z.strictObject({
  sport: sportKey.optional(),
  competition: z.string().min(1).max(40).optional(),
  q: z.string().trim().max(80).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type AssetsQuery = z.infer<typeof assetsQuery>;

/** Rotating the invite token answers with the new one; the old one stops working at once. */
export interface InviteTokenAnswer {
  leagueId: string;
  inviteToken: string;
}

// ---------------------------------------------------------------------------------------
// Internal API of the leagues service (`/internal/leagues/...`, service tokens only).
// ---------------------------------------------------------------------------------------

/** `POST /internal/leagues/:id/invited-members`: auth adds someone who signed in through an invitation. */
export const invitedMemberRequest = z.strictObject({
  userId: z.uuid(),
  email: emailSchema,
  displayName: z.string().trim().min(1).max(60),
});
export type InvitedMemberRequest = z.infer<typeof invitedMemberRequest>;

/** `GET /internal/leagues/:id/members/:userId` (404 `NOT_A_MEMBER` when not a member). */
export interface LeagueMembership extends LeagueMember {
  leagueId: string;
}

/** `POST /internal/leagues/:id/start-auction`: the auction engine freezes the league. */
export const startAuctionRequest = z.strictObject({ userId: z.uuid(), auctionId: z.uuid() });
export type StartAuctionRequest = z.infer<typeof startAuctionRequest>;

/** An asset of a league's pool as the auction engine sells it. */
export interface AuctionSetupAsset {
  id: string;
  externalId: string;
  name: string;
  shortName: string | null;
  team: string | null;
  role: string | null;
}

/** The league as frozen when its auction starts; `assets` in the league's order (shuffled by the engine for `random`). */
export interface AuctionSetup {
  leagueId: string;
  name: string;
  sport: z.infer<typeof sportKey>;
  commissionerId: string;
  settings: AuctionSettings;
  members: LeagueMember[];
  assets: AuctionSetupAsset[];
}

/** `GET /internal/leagues/:id/scoring-context`: what scoring needs to score a league and read its CSVs. */
export interface ScoringContext {
  leagueId: string;
  sport: z.infer<typeof sportKey>;
  scoringRules: ScoringRules;
  commissionerId: string;
  status: LeagueStatus;
  members: Array<{ userId: string; displayName: string; joinedAt: string }>;
  /** Every catalogue asset of the league's sport (not only the pool), to resolve team names in fixture CSVs. */
  catalogue: ScoringCatalogueAsset[];
  /** The league's pool: the catalogue asset ids its auction sells. Match files score only these. */
  poolAssetIds: string[];
}

export type ScoringCatalogueAsset = Pick<Asset, 'id' | 'externalId' | 'name' | 'shortName' | 'team' | 'aliases' | 'registryId'>;

/** Scoring's `POST /internal/scoring/standings` body and answer, used by `GET /api/me/competitions`. */
export interface StandingsSummaryRequest {
  userId: string;
  leagueIds: string[];
}
export interface StandingsSummary {
  leagueId: string;
  rank: number | null;
  points: number | null;
  nextFixture: MyCompetition['nextFixture'];
}
