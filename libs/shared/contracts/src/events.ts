import type { AcceptedBid, AuctionSnapshot, CurrentLot, LotAsset } from './auctions.js';
import type { ErrorBody } from './errors.js';
import type { FormatClientToServerEvents, FormatServerToClientEvents } from './format-events.js';
import type { LeagueMember } from './leagues.js';
import type { LotReassigned, LotUndone } from './corrections.js';

/**
 * How long a client holds events that arrived ahead of a missing seq before it asks for a fresh
 * snapshot. Events of one auction accepted on different replicas reach a socket through
 * different paths (its own replica at once, the others through Redis), so a later seq often
 * arrives a few ms before an earlier one; re-joining on every such swap cost a snapshot read
 * per client each time (measured in docs/benchmarks/max.md). A hole still open after this
 * long is a missed event.
 */
export const SEQ_GAP_GRACE_MS = 500;

export type Ack<T extends object> = ({ ok: true } & T) | { ok: false; error: ErrorBody };

export interface ClientToServerEvents extends FormatClientToServerEvents {
  'league:join': (payload: { leagueId: string }, ack: (answer: Ack<{ online: string[] }>) => void) => void;
  'league:leave': (payload: { leagueId: string }, ack?: (answer: Ack<object>) => void) => void;
  'auction:join': (payload: { auctionId: string }, ack: (answer: Ack<{ snapshot: AuctionSnapshot }>) => void) => void;
  'bid:place': (
    payload: { auctionId: string; lotId: string; amount: number; clientBidId: string },
    ack: (answer: Ack<{ bid: AcceptedBid }>) => void,
  ) => void;
  'time:sync': (payload: { clientTime: number }, ack: (answer: { serverTime: number; clientTime: number }) => void) => void;
}

export interface LotOpened {
  auctionId: string;
  lot: CurrentLot;
  seq: number;
  lotsRemaining: number;
  serverTime: string;
}
export interface BidAccepted {
  auctionId: string;
  lotId: string;
  seq: number;
  amount: number;
  bidderId: string;
  endsAt: string;
  serverTime: string;
  /** Placed by the engine for the bidder's proxy (SPEC §8). */
  proxy?: boolean;
}
export interface LotSold {
  auctionId: string;
  lotId: string;
  asset: LotAsset;
  winnerId: string;
  price: number;
  seq: number;
  /** When the next lot opens (end of the gap); null when it opened at once or none follows. */
  nextLotAt: string | null;
}
export interface LotUnsold {
  auctionId: string;
  lotId: string;
  asset: LotAsset;
  seq: number;
  nextLotAt: string | null;
}
export interface AuctionLive {
  auctionId: string;
  /** When the first lot opens (end of the lead-in); null when it opened at once. */
  nextLotAt: string | null;
  seq: number;
}

export interface ServerToClientEvents extends FormatServerToClientEvents {
  'league:presence': (payload: { leagueId: string; online: string[] }) => void;
  'league:member_joined': (payload: { leagueId: string; member: LeagueMember }) => void;
  'league:member_left': (payload: { leagueId: string; userId: string }) => void;
  'auction:started': (payload: { leagueId: string; auctionId: string }) => void;
  'auction:snapshot': (payload: AuctionSnapshot) => void;
  'auction:live': (payload: AuctionLive) => void;
  'lot:opened': (payload: LotOpened) => void;
  'bid:accepted': (payload: BidAccepted) => void;
  'lot:sold': (payload: LotSold) => void;
  'lot:unsold': (payload: LotUnsold) => void;
  'auction:paused': (payload: { auctionId: string; seq: number; remainingMs: number }) => void;
  'auction:resumed': (payload: { auctionId: string; seq: number; endsAt: string; nextLotAt: string | null }) => void;
  'auction:completed': (payload: { auctionId: string; seq: number }) => void;
  'leaderboard:updated': (payload: { leagueId: string }) => void;
  'lot:undone': (payload: LotUndone) => void;
  'lot:reassigned': (payload: LotReassigned) => void;
}

/** Room names shared by the gateway and the Redis emitter. */
export const rooms = {
  league: (leagueId: string) => `league:${leagueId}`,
  auction: (auctionId: string) => `auction:${auctionId}`,
  user: (userId: string) => `user:${userId}`,
};
