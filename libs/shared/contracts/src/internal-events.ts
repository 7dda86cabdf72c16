import type { SportKey } from './sports.js';

/** Events between services (not sent to browsers). */
export interface AuctionCompletedEvent {
  auctionId: string;
  leagueId: string;
  sport: SportKey;
  completedAt: string;
  managers: Array<{
    userId: string;
    displayName: string;
    joinedAt: string;
    budget: number;
    spent: number;
    roster: Array<{ assetId: string; externalId: string; name: string; price: number; lotId: string }>;
  }>;
}

/** A commissioner removed a member: the sockets hosting their lobby must let them go. */
export interface MemberRemovedEvent {
  leagueId: string;
  userId: string;
}

/** A member changed their display name (`PATCH /api/auth/me`); every service's copy follows. */
export interface UserRenamedEvent {
  userId: string;
  displayName: string;
  renamedAt: string;
}

export interface InternalEvents {
  'auction.completed': AuctionCompletedEvent;
  'league.member_removed': MemberRemovedEvent;
  'user.renamed': UserRenamedEvent;
}
