import { getTableColumns, type Table } from 'drizzle-orm';
import type { AcceptedBid, LotAsset, SportKey } from '@auction/contracts';
import type { Auction, Lot, Manager } from '../model/auction-state.js';
import type { auctions, bids, lots, managers } from './schema/index.js';

type AuctionRow = typeof auctions.$inferSelect;
type LotRow = typeof lots.$inferSelect;
type ManagerRow = typeof managers.$inferSelect;
type BidRow = typeof bids.$inferSelect;

export function toAuction(row: AuctionRow): Auction {
  return {
    id: row.id,
    leagueId: row.leagueId,
    name: row.name,
    sport: row.sport as SportKey,
    commissionerId: row.commissionerId,
    status: row.status,
    seq: row.seq,
    settings: {
      budget: row.budget,
      rosterSize: row.rosterSize,
      openingBid: row.openingBid,
      minIncrement: row.minIncrement,
      bidTimerSeconds: row.bidTimerSeconds,
      antiSnipeSeconds: row.antiSnipeSeconds,
      lotGapSeconds: row.lotGapSeconds,
      leadInSeconds: row.leadInSeconds,
      nominationOrder: row.nominationOrder === 'fixed' ? 'fixed' : 'random',
      scoringRules: row.scoringRules,
      nominationMode: row.nominationMode,
      nominationSeconds: row.nominationSeconds,
      clockMode: row.clockMode,
      raiseSeconds: row.raiseSeconds,
    },
    createdAt: row.createdAt,
    completedAt: row.completedAt,
    startsAt: row.startsAt,
    nextLotAt: row.nextLotAt,
    pausedGapMs: row.pausedGapMs,
    turnOrder: row.turnOrder,
    turnNumber: row.turnNumber,
    turnUserId: row.turnUserId,
    turnEndsAt: row.turnEndsAt,
    pausedTurnMs: row.pausedTurnMs,
  };
}

export function toManager(row: ManagerRow): Manager {
  return {
    userId: row.userId,
    displayName: row.displayName,
    role: row.role,
    joinedAt: row.joinedAt,
    budgetRemaining: row.budgetRemaining,
    spent: row.spent,
    rosterCount: row.rosterCount,
  };
}

export function toLot(row: LotRow): Lot {
  const asset: LotAsset = {
    id: row.assetId,
    externalId: row.assetExternalId,
    name: row.assetName,
    shortName: row.assetShortName,
    team: row.assetTeam,
    role: row.assetRole,
  };
  return {
    id: row.id,
    auctionId: row.auctionId,
    position: row.position,
    asset,
    status: row.status,
    openingBid: row.openingBid,
    highBid: row.highBid,
    highBidderId: row.highBidderId,
    endsAt: row.endsAt,
    pausedRemainingMs: row.pausedRemainingMs,
    winnerId: row.winnerId,
    price: row.price,
    closedAt: row.closedAt,
    closedSeq: row.closedSeq,
    assetRank: row.assetRank,
    turn: row.turn,
    nominatedBy: row.nominatedBy,
    autoNominated: row.autoNominated,
  };
}

export function toAcceptedBid(row: BidRow): AcceptedBid {
  return {
    id: row.id,
    auctionId: row.auctionId,
    lotId: row.lotId,
    bidderId: row.bidderId,
    amount: row.amount,
    seq: row.seq,
    clientBidId: row.clientBidId,
    createdAt: row.createdAt.toISOString(),
    serverTime: row.createdAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    proxy: row.proxy,
  };
}

/**
 * A row of `table` read back through `row_to_json`/`json_agg` (snake_case keys, timestamps as
 * text), decoded by the table's own columns: the same decoding Drizzle applies to a plain select.
 */
export function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>): T['$inferSelect'] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = json[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T['$inferSelect'];
}
