import { z } from 'zod';
import { sportKey, footballRules, cricketRules } from './sports.js';

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

export interface League {
  id: string;
  name: string;
  sport: z.infer<typeof sportKey>;
  competition: string | null;
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
  scoringRules: Record<string, number>;
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
