import type { LotAsset, ScoringRules, SportKey } from '@auction/contracts';
import type { auctions, lots, managers } from '../db/schema/index.js';
import type { Auction, Lot, Manager } from './auction-state.js';

type AuctionRow = typeof auctions.$inferSelect;
type LotRow = typeof lots.$inferSelect;
type ManagerRow = typeof managers.$inferSelect;

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
    },
    createdAt: row.createdAt,
    completedAt: row.completedAt,
    startsAt: row.startsAt,
    nextLotAt: row.nextLotAt,
    pausedGapMs: row.pausedGapMs,
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
  };
}

/** Rows read back through `json_agg`/`row_to_json`: snake_case keys, timestamps as strings. */
export function lotFromJson(json: Record<string, unknown>): Lot {
  return toLot({
    id: json.id as string,
    auctionId: json.auction_id as string,
    position: json.position as number,
    assetId: json.asset_id as string,
    assetExternalId: json.asset_external_id as string,
    assetName: json.asset_name as string,
    assetShortName: (json.asset_short_name as string | null) ?? null,
    assetTeam: (json.asset_team as string | null) ?? null,
    assetRole: (json.asset_role as string | null) ?? null,
    status: json.status as LotRow['status'],
    openingBid: json.opening_bid as number,
    highBid: (json.high_bid as number | null) ?? null,
    highBidderId: (json.high_bidder_id as string | null) ?? null,
    endsAt: dateOrNull(json.ends_at),
    pausedRemainingMs: (json.paused_remaining_ms as number | null) ?? null,
    winnerId: (json.winner_id as string | null) ?? null,
    price: (json.price as number | null) ?? null,
    openedAt: dateOrNull(json.opened_at),
    closedAt: dateOrNull(json.closed_at),
    closedSeq: (json.closed_seq as number | null) ?? null,
  });
}

export function managerFromJson(json: Record<string, unknown>): Manager {
  return toManager({
    auctionId: json.auction_id as string,
    userId: json.user_id as string,
    displayName: json.display_name as string,
    role: json.role as string,
    joinedAt: new Date(json.joined_at as string),
    budgetRemaining: json.budget_remaining as number,
    spent: json.spent as number,
    rosterCount: json.roster_count as number,
  });
}

export function auctionFromJson(json: Record<string, unknown>): Auction {
  return toAuction({
    id: json.id as string,
    leagueId: json.league_id as string,
    name: json.name as string,
    sport: json.sport as string,
    commissionerId: json.commissioner_id as string,
    status: json.status as AuctionRow['status'],
    seq: json.seq as number,
    budget: json.budget as number,
    rosterSize: json.roster_size as number,
    openingBid: json.opening_bid as number,
    minIncrement: json.min_increment as number,
    bidTimerSeconds: json.bid_timer_seconds as number,
    antiSnipeSeconds: json.anti_snipe_seconds as number,
    lotGapSeconds: json.lot_gap_seconds as number,
    leadInSeconds: json.lead_in_seconds as number,
    nominationOrder: json.nomination_order as string,
    scoringRules: json.scoring_rules as ScoringRules,
    createdAt: new Date(json.created_at as string),
    completedAt: dateOrNull(json.completed_at),
    completionPublishedAt: dateOrNull(json.completion_published_at),
    startsAt: dateOrNull(json.starts_at),
    reminderSentAt: dateOrNull(json.reminder_sent_at),
    nextLotAt: dateOrNull(json.next_lot_at),
    pausedGapMs: (json.paused_gap_ms as number | null) ?? null,
  });
}

function dateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : new Date(value as string);
}
