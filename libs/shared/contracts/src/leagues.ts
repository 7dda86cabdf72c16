import { z } from 'zod';
import { emailSchema } from './auth.js';
import { opaqueCursor, text } from './text.js';
import { sportKey, footballRules, cricketRules, type Asset, type ScoringRules, type SportKey } from './sports.js';
import { formatSettingsFields, type FormatSettings } from './auction-formats.js';

export const LEAGUE_LIMITS = {
  budget: { min: 1, max: 100_000 },
  rosterSize: { min: 1, max: 50 },
  managers: { min: 2, max: 500 },
  bidTimerSeconds: { min: 3, max: 600 },
  antiSnipeSeconds: { min: 0, max: 60 },
  lotGapSeconds: { min: 0, max: 30 },
  leadInSeconds: { min: 0, max: 120 },
} as const;

const int = (min: number, max: number) => z.number().int().min(min).max(max);

/** Create body: flat settings; omitted fields take the sport's defaults. */
export const leagueSettingsFields = {
  name: text({ min: 1, max: 80, trim: true }),
  sport: sportKey,
  competition: text({ min: 1, max: 40 }).optional(),
  assetIds: z.array(z.uuid()).min(1).max(1000).optional(),
  budget: int(LEAGUE_LIMITS.budget.min, LEAGUE_LIMITS.budget.max).optional(),
  rosterSize: int(LEAGUE_LIMITS.rosterSize.min, LEAGUE_LIMITS.rosterSize.max).optional(),
  minManagers: int(LEAGUE_LIMITS.managers.min, LEAGUE_LIMITS.managers.max).optional(),
  maxManagers: int(LEAGUE_LIMITS.managers.min, LEAGUE_LIMITS.managers.max).optional(),
  openingBid: int(1, LEAGUE_LIMITS.budget.max).optional(),
  minIncrement: int(1, LEAGUE_LIMITS.budget.max).optional(),
  bidTimerSeconds: int(LEAGUE_LIMITS.bidTimerSeconds.min, LEAGUE_LIMITS.bidTimerSeconds.max).optional(),
  antiSnipeSeconds: int(LEAGUE_LIMITS.antiSnipeSeconds.min, LEAGUE_LIMITS.antiSnipeSeconds.max).optional(),
  lotGapSeconds: int(LEAGUE_LIMITS.lotGapSeconds.min, LEAGUE_LIMITS.lotGapSeconds.max).optional(),
  leadInSeconds: int(LEAGUE_LIMITS.leadInSeconds.min, LEAGUE_LIMITS.leadInSeconds.max).optional(),
  nominationOrder: z.enum(['random', 'fixed']).optional(),
  scoringRules: z.union([footballRules, cricketRules]).optional(),
  ...formatSettingsFields,
};

export const createLeagueRequest = z.strictObject(leagueSettingsFields);
export type CreateLeagueRequest = z.infer<typeof createLeagueRequest>;

export const updateLeagueRequest = z.strictObject({
  ...leagueSettingsFields,
  name: leagueSettingsFields.name.optional(),
  sport: leagueSettingsFields.sport.optional(),
});
export type UpdateLeagueRequest = z.infer<typeof updateLeagueRequest>;

export const joinLeagueRequest = z.strictObject({ inviteToken: text({ min: 16, max: 100 }) });

export type LeagueStatus = 'open' | 'auction' | 'completed';
export type MemberRole = 'commissioner' | 'manager';

export interface LeagueMember {
  userId: string;
  displayName: string;
  role: MemberRole;
  joinedAt: string;
}

/** A league's settings once the sport's defaults are merged and every rule holds. */
export interface LeagueSettings extends FormatSettings {
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
  /** The pause after a lot closes before the next one opens (SPEC §8). */
  lotGapSeconds: number;
  /** The pause after the auction goes live before the first lot opens (SPEC §8). */
  leadInSeconds: number;
  nominationOrder: 'random' | 'fixed';
  scoringRules: ScoringRules;
}

/** The settings an auction copies at its start. */
export type AuctionSettings = Pick<
  LeagueSettings,
  | 'budget'
  | 'rosterSize'
  | 'openingBid'
  | 'minIncrement'
  | 'bidTimerSeconds'
  | 'antiSnipeSeconds'
  | 'lotGapSeconds'
  | 'leadInSeconds'
  | 'nominationOrder'
  | 'scoringRules'
  | keyof FormatSettings
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

/** `GET /api/leagues/:id/invitations` (commissioner), ordered by address. */
export interface Invitation {
  email: string;
  /** When the latest invitation mail went out. */
  invitedAt: string;
  expiresAt: string;
  status: 'pending' | 'joined' | 'expired';
}

/** `POST /api/leagues/:id/invitations/resend` (commissioner): a fresh link to each address not yet joined. */
export const resendInvitationsRequest = z.strictObject({ emails: z.array(emailSchema).min(1).max(500) });
export type ResendInvitationsRequest = z.infer<typeof resendInvitationsRequest>;

/** `GET /api/leagues/invites/:inviteToken` (anyone holding the link): what the invitation is for. */
export interface InvitePreview {
  leagueId: string;
  name: string;
  sport: z.infer<typeof sportKey>;
  commissionerName: string;
  status: LeagueStatus;
  managers: number;
  maxManagers: number;
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
  competition: text({ min: 1, max: 40 }).optional(),
  q: text({ max: 80, trim: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: opaqueCursor.optional(),
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

/**
 * `POST /internal/leagues/invited-members`: after every sign-in, auth asks the leagues service to
 * join the person to each league whose live invitation names their address.
 */
export const invitedMemberRequest = z.strictObject({
  userId: z.uuid(),
  email: emailSchema,
  displayName: text({ min: 1, max: 60, trim: true }),
});
export type InvitedMemberRequest = z.infer<typeof invitedMemberRequest>;

/** The leagues whose invitations this sign-in accepted (empty when none). */
export interface AcceptedInvitations {
  joined: Array<{ leagueId: string; name: string }>;
}

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
  /** Catalogue rank, 1 = strongest: automatic nominations pick the lowest available. */
  rank: number;
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

/** `GET /internal/leagues/:id/mail-recipients`: who the auction engine mails about the league's auction. */
export interface LeagueMailRecipients {
  leagueId: string;
  name: string;
  commissionerId: string;
  members: Array<{ userId: string; displayName: string; email: string }>;
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
