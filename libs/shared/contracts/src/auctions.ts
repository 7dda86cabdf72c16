import { z } from 'zod';
import type { Asset } from './sports.js';
import { seqCursor, text } from './text.js';

export const createAuctionRequest = z.strictObject({ leagueId: z.uuid() });

export const placeBidRequest = z.strictObject({
  lotId: z.uuid(),
  amount: z.number().int().min(1).max(1_000_000),
  clientBidId: text({ min: 1, max: 100 }),
});
export type PlaceBidRequest = z.infer<typeof placeBidRequest>;

export const socketPlaceBid = placeBidRequest.extend({ auctionId: z.uuid() });

export type AuctionStatus = 'live' | 'paused' | 'completed';

export type LotAsset = Pick<Asset, 'id' | 'externalId' | 'name' | 'shortName' | 'team' | 'role'>;

export interface CurrentLot {
  id: string;
  asset: LotAsset;
  openingBid: number;
  highBid: number | null;
  highBidderId: string | null;
  endsAt: string | null;
  remainingMs: number;
}

export interface RosterEntry {
  asset: LotAsset;
  price: number;
  lotId?: string;
}

export interface SnapshotManager {
  userId: string;
  displayName: string;
  budgetRemaining: number;
  maxBid: number;
  roster: RosterEntry[];
}

export interface AuctionSnapshot {
  id: string;
  leagueId: string;
  status: AuctionStatus;
  seq: number;
  serverTime: string;
  currentLot: CurrentLot | null;
  managers: SnapshotManager[];
  lotsRemaining: number;
  settings?: { minIncrement: number; openingBid: number; rosterSize: number; budget: number; antiSnipeSeconds: number; bidTimerSeconds: number; sport: string };
  commissionerId?: string;
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
}

/** `GET /api/auctions/:id/bids?lotId=&limit=&cursor=`: newest first. */
export const bidHistoryQuery = z.strictObject({
  lotId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: seqCursor.optional(),
});
export type BidHistoryQuery = z.infer<typeof bidHistoryQuery>;
