import type {
  AuctionSettings,
  AuctionSnapshot,
  AuctionStatus,
  ClosedLot,
  CurrentLot,
  LotAsset,
  NominationTurn,
  SportKey,
} from '@auction/contracts';
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
  /** `managers` mode (SPEC §8): the turn order, the turn in progress (or the last one) and its nominator. */
  turnOrder: string[];
  turnNumber: number;
  turnUserId: string | null;
  /** Set while a turn is in progress. */
  turnEndsAt: Date | null;
  /** What a pause left of the turn. */
  pausedTurnMs: number | null;
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
  /** Catalogue rank of the asset (1 = strongest). */
  assetRank: number;
  /** `managers` mode: the turn that nominated the lot, its nominator and whether the engine nominated for them. */
  turn: number | null;
  nominatedBy: string | null;
  autoNominated: boolean;
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
    ...(lot.nominatedBy ? { nominatedBy: lot.nominatedBy, auto: lot.autoNominated } : {}),
  };
}

/** The turn in progress; while paused, its frozen time. */
export function nominationView(auction: Auction, now: Date): NominationTurn | null {
  if (auction.status === 'paused' && auction.pausedTurnMs !== null && auction.turnUserId) {
    return {
      userId: auction.turnUserId,
      endsAt: new Date(now.getTime() + auction.pausedTurnMs).toISOString(),
      remainingMs: auction.pausedTurnMs,
    };
  }
  if (auction.status !== 'live' || !auction.turnEndsAt || !auction.turnUserId) return null;
  return { userId: auction.turnUserId, endsAt: auction.turnEndsAt.toISOString(), remainingMs: remainingMs(auction.turnEndsAt, now) };
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
    nomination: nominationView(auction, now),
    turnOrder: auction.turnOrder,
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
      nominationMode: auction.settings.nominationMode,
      nominationSeconds: auction.settings.nominationSeconds,
      clockMode: auction.settings.clockMode,
      raiseSeconds: auction.settings.raiseSeconds,
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
