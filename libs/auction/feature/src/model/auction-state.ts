import type { AuctionSnapshot, AuctionStatus, ClosedLot, CurrentLot, LotAsset, SportKey, AuctionSettings } from '@auction/contracts';
import { bidderMaxBid, remainingMs, type LotStatus } from '@auction/auction-domain';

export type { AuctionSettings };

export interface Auction {
  id: string;
  leagueId: string;
  name: string;
  sport: SportKey;
  commissionerId: string;
  status: AuctionStatus;
  seq: number;
  settings: AuctionSettings;
  createdAt: Date;
  completedAt: Date | null;
  /** When a scheduled auction goes live. */
  startsAt: Date | null;
  /** End of the gap or lead-in: when the next lot opens (null while a lot is open). */
  nextLotAt: Date | null;
  /** What a pause left of the gap or lead-in. */
  pausedGapMs: number | null;
}

export interface Manager {
  userId: string;
  displayName: string;
  role: string;
  joinedAt: Date;
  budgetRemaining: number;
  spent: number;
  rosterCount: number;
}

export interface Lot {
  id: string;
  auctionId: string;
  position: number;
  asset: LotAsset;
  status: LotStatus;
  openingBid: number;
  highBid: number | null;
  highBidderId: string | null;
  endsAt: Date | null;
  pausedRemainingMs: number | null;
  winnerId: string | null;
  price: number | null;
  closedAt: Date | null;
  closedSeq: number | null;
}

/** Everything a snapshot is made of, read in one statement (one consistent view). */
export interface AuctionView {
  auction: Auction;
  managers: Manager[];
  /** The open lot (live or paused), if any. */
  currentLot: Lot | null;
  /** Sold and unsold lots in the order they closed. */
  closedLots: Lot[];
  /** Lots not yet opened. */
  lotsRemaining: number;
}

export function currentLotView(lot: Lot, status: AuctionStatus, now: Date): CurrentLot {
  const paused = status === 'paused';
  return {
    id: lot.id,
    asset: lot.asset,
    openingBid: lot.openingBid,
    highBid: lot.highBid,
    highBidderId: lot.highBidderId,
    endsAt: lot.endsAt?.toISOString() ?? null,
    remainingMs: paused ? (lot.pausedRemainingMs ?? 0) : remainingMs(lot.endsAt, now),
  };
}

/** SPEC §4 snapshot, plus the settings and commissioner the room needs to render controls. */
export function buildSnapshot(view: AuctionView, now: Date): AuctionSnapshot {
  const { auction } = view;
  const rosters = new Map<string, Lot[]>();
  for (const lot of view.closedLots) {
    if (lot.status !== 'sold') continue;
    const owner = lot.winnerId ?? '';
    rosters.set(owner, [...(rosters.get(owner) ?? []), lot]);
  }
  return {
    id: auction.id,
    leagueId: auction.leagueId,
    status: auction.status,
    seq: auction.seq,
    serverTime: now.toISOString(),
    currentLot: view.currentLot && auction.status !== 'completed' ? currentLotView(view.currentLot, auction.status, now) : null,
    managers: view.managers.map((manager) => ({
      userId: manager.userId,
      displayName: manager.displayName,
      budgetRemaining: manager.budgetRemaining,
      maxBid: bidderMaxBid({ isManager: true, ...manager }, auction.settings),
      roster: (rosters.get(manager.userId) ?? []).map((lot) => ({ asset: lot.asset, price: lot.price ?? 0, lotId: lot.id })),
    })),
    lotsRemaining: view.lotsRemaining,
    startsAt: auction.startsAt?.toISOString() ?? null,
    nextLotAt: nextLotAtOf(auction),
    lots: view.closedLots.map(closedLotView),
    settings: {
      minIncrement: auction.settings.minIncrement,
      openingBid: auction.settings.openingBid,
      rosterSize: auction.settings.rosterSize,
      budget: auction.settings.budget,
      antiSnipeSeconds: auction.settings.antiSnipeSeconds,
      bidTimerSeconds: auction.settings.bidTimerSeconds,
      lotGapSeconds: auction.settings.lotGapSeconds,
      leadInSeconds: auction.settings.leadInSeconds,
      sport: auction.sport,
    },
    commissionerId: auction.commissionerId,
  };
}

/** While paused in a gap the next lot has no time yet; it is frozen in `pausedGapMs`. */
function nextLotAtOf(auction: Auction): string | null {
  if (auction.status === 'completed' || !auction.nextLotAt) return null;
  return auction.nextLotAt.toISOString();
}

export function closedLotView(lot: Lot): ClosedLot {
  return {
    lotId: lot.id,
    asset: lot.asset,
    status: lot.status === 'sold' ? 'sold' : 'unsold',
    winnerId: lot.winnerId,
    price: lot.price,
    seq: lot.closedSeq ?? 0,
  };
}
