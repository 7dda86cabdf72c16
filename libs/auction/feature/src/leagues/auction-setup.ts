import type { LeagueMember, MemberRole, SportKey } from '@auction/contracts';

/**
 * What the leagues service hands over when an auction starts
 * (`POST /internal/leagues/:id/start-auction`). Declared here until the leagues engineer
 * adds it to `@auction/contracts`; the shapes are the agreed ones.
 */
export interface AuctionSetup {
  leagueId: string;
  name: string;
  sport: SportKey;
  commissionerId: string;
  settings: {
    budget: number;
    rosterSize: number;
    openingBid: number;
    minIncrement: number;
    bidTimerSeconds: number;
    antiSnipeSeconds: number;
    nominationOrder: 'random' | 'fixed';
    scoringRules: Record<string, number>;
  };
  members: LeagueMember[];
  assets: Array<{ id: string; externalId: string; name: string; shortName: string | null; team: string | null; role: string | null }>;
}

/** `GET /internal/leagues/:id/members/:userId`. */
export interface LeagueMembership {
  leagueId: string;
  userId: string;
  role: MemberRole;
  displayName: string;
  joinedAt: string;
}
