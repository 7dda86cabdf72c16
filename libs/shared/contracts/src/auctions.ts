import { z } from 'zod';
import type { Asset } from './sports.js';
import type { ClockMode, FormatSnapshotFields, NominationMode } from './auction-formats.js';
import { seqCursor, text } from './text.js';

/** How far ahead an auction may be scheduled (SPEC §8). */
export const MAX_SCHEDULE_DAYS = 60;

const startsAt = z.iso.datetime({ offset: true });

/** Without `startsAt` the auction goes live at once; with a future one it is `scheduled`. */
export const createAuctionRequest = z.strictObject({ leagueId: z.uuid(), startsAt: startsAt.optional() });
export type CreateAuctionRequest = z.infer<typeof createAuctionRequest>;

/** `PATCH /api/auctions/:id`: the commissioner moves a scheduled auction. */
export const rescheduleAuctionRequest = z.strictObject({ startsAt });
export type RescheduleAuctionRequest = z.infer<typeof rescheduleAuctionRequest>;

export const placeBidRequest = z.strictObject({
  lotId: z.uuid(),
  amount: z.number().int().min(1).max(1_000_000),
  clientBidId: text({ min: 1, max: 100 }),
});
export type PlaceBidRequest = z.infer<typeof placeBidRequest>;

export const socketPlaceBid = placeBidRequest.extend({ auctionId: z.uuid() });

export type AuctionStatus = 'scheduled' | 'live' | 'paused' | 'completed';

export type LotAsset = Pick<Asset, 'id' | 'externalId' | 'name' | 'shortName' | 'team' | 'role'>;

export interface CurrentLot {
  id: string;
  asset: LotAsset;
  openingBid: number;
  highBid: number | null;
  highBidderId: string | null;
  endsAt: string | null;
  remainingMs: number;
  /** `managers` mode: who nominated the lot, and whether the engine did for them (SPEC §8). */
  nominatedBy?: string;
  auto?: boolean;
}

export interface RosterEntry {
  asset: LotAsset;
  price: number;
  lotId: string;
}

export interface SnapshotManager {
  userId: string;
  displayName: string;
  budgetRemaining: number;
  maxBid: number;
  roster: RosterEntry[];
}

/** A lot that has closed, in the order lots closed (`seq` is the seq of its `lot:sold` / `lot:unsold`). */
export interface ClosedLot {
  lotId: string;
  asset: LotAsset;
  status: 'sold' | 'unsold';
  winnerId: string | null;
  price: number | null;
  seq: number;
}

export interface SnapshotSettings {
  minIncrement: number;
  openingBid: number;
  rosterSize: number;
  budget: number;
  antiSnipeSeconds: number;
  bidTimerSeconds: number;
  lotGapSeconds: number;
  leadInSeconds: number;
  sport: string;
  nominationMode: NominationMode;
  nominationSeconds: number;
  clockMode: ClockMode;
  raiseSeconds: number;
}

export interface AuctionSnapshot extends FormatSnapshotFields {
  id: string;
  leagueId: string;
  status: AuctionStatus;
  seq: number;
  serverTime: string;
  currentLot: CurrentLot | null;
  managers: SnapshotManager[];
  lotsRemaining: number;
  /** When a scheduled auction goes live (null once it went live without a schedule). */
  startsAt: string | null;
  /** When the gap or lead-in ends and the next lot opens; null while a lot is open or none is due. */
  nextLotAt: string | null;
  lots: ClosedLot[];
  settings: SnapshotSettings;
  commissionerId: string;
}

export interface AcceptedBid {
  id: string;
  auctionId: string;
  lotId: string;
  bidderId: string;
  amount: number;
  seq: number;
  clientBidId: string;
  createdAt: string;
  serverTime: string;
  endsAt: string;
  /** The engine placed it for the bidder's proxy (SPEC §8); the maximum itself is never shown. */
  proxy?: boolean;
}

export interface AuctionResults {
  auctionId: string;
  managers: Array<{
    userId: string;
    displayName: string;
    budgetRemaining: number;
    spent: number;
    roster: Array<{ asset: LotAsset; price: number; lotId: string }>;
  }>;
  /** Lots that closed without a bid, in the order they closed. */
  unsold: Array<{ asset: LotAsset; lotId: string }>;
  /** Assets of the pool never put up for sale (the auction ended first). */
  neverOffered: LotAsset[];
}

/** `GET /api/auctions/:id/bids?lotId=&limit=&cursor=`: newest first. */
export const bidHistoryQuery = z.strictObject({
  lotId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: seqCursor.optional(),
});
export type BidHistoryQuery = z.infer<typeof bidHistoryQuery>;
