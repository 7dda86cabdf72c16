import type { League, LeagueMember, LeagueMembership, LeagueStatus, MemberRole } from '@auction/contracts';
import type { LeagueSettings } from '@auction/leagues-domain';

/** A league as stored, without its pool (read separately, in lot order). */
export interface StoredLeague extends Omit<LeagueSettings, 'assetIds'> {
  id: string;
  status: LeagueStatus;
  inviteToken: string;
  commissionerId: string;
  auctionId: string | null;
  createdAt: Date;
}

export interface StoredMember {
  leagueId: string;
  userId: string;
  email: string;
  displayName: string;
  role: MemberRole;
  joinedAt: Date;
}

export function settingsOf(league: StoredLeague, assetIds: string[]): LeagueSettings {
  return {
    name: league.name,
    sport: league.sport,
    competition: league.competition,
    assetIds,
    budget: league.budget,
    rosterSize: league.rosterSize,
    minManagers: league.minManagers,
    maxManagers: league.maxManagers,
    openingBid: league.openingBid,
    minIncrement: league.minIncrement,
    bidTimerSeconds: league.bidTimerSeconds,
    antiSnipeSeconds: league.antiSnipeSeconds,
    lotGapSeconds: league.lotGapSeconds,
    leadInSeconds: league.leadInSeconds,
    nominationOrder: league.nominationOrder,
    scoringRules: league.scoringRules,
    nominationMode: league.nominationMode,
    nominationSeconds: league.nominationSeconds,
    clockMode: league.clockMode,
    raiseSeconds: league.raiseSeconds,
  };
}

export function toMember(member: StoredMember): LeagueMember {
  return { userId: member.userId, displayName: member.displayName, role: member.role, joinedAt: member.joinedAt.toISOString() };
}

export function toMembership(member: StoredMember): LeagueMembership {
  return { leagueId: member.leagueId, ...toMember(member) };
}

/** The league as its members read it; the invite token only for the commissioner. */
export function toLeague(league: StoredLeague, assetIds: string[], members: StoredMember[], viewerId: string): League {
  return {
    id: league.id,
    ...settingsOf(league, assetIds),
    scoringRules: { ...league.scoringRules },
    status: league.status,
    commissionerId: league.commissionerId,
    ...(viewerId === league.commissionerId ? { inviteToken: league.inviteToken } : {}),
    auctionId: league.auctionId,
    members: members.map(toMember),
    createdAt: league.createdAt.toISOString(),
  };
}
