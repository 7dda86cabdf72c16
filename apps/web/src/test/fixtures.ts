import type { AuctionSnapshot, CurrentLot, LotAsset, SnapshotManager, SnapshotSettings } from '@auction/contracts';

export const AUCTION_ID = '00000000-0000-4000-8000-000000000001';
export const LEAGUE_ID = '00000000-0000-4000-8000-000000000002';
export const ANN = '00000000-0000-4000-8000-00000000a001';
export const BOB = '00000000-0000-4000-8000-00000000b002';

export function asset(name: string, id = `asset-${name}`): LotAsset {
  return { id, externalId: name.toUpperCase().slice(0, 3), name, shortName: null, team: 'England', role: null };
}

export function lot(overrides: Partial<CurrentLot> = {}): CurrentLot {
  return {
    id: 'lot-1',
    asset: asset('Arsenal'),
    openingBid: 1,
    highBid: null,
    highBidderId: null,
    endsAt: '2026-01-01T12:00:30.000Z',
    remainingMs: 30_000,
    ...overrides,
  };
}

export function manager(userId: string, overrides: Partial<SnapshotManager> = {}): SnapshotManager {
  return {
    userId,
    displayName: userId === ANN ? 'Ann' : 'Bob',
    budgetRemaining: 500,
    maxBid: 498,
    roster: [],
    ...overrides,
  };
}

export function settings(overrides: Partial<SnapshotSettings> = {}): SnapshotSettings {
  return {
    minIncrement: 1,
    openingBid: 1,
    rosterSize: 3,
    budget: 500,
    antiSnipeSeconds: 10,
    bidTimerSeconds: 30,
    lotGapSeconds: 3,
    leadInSeconds: 10,
    sport: 'football',
    ...overrides,
  };
}

export function snapshot(overrides: Partial<AuctionSnapshot> = {}): AuctionSnapshot {
  return {
    id: AUCTION_ID,
    leagueId: LEAGUE_ID,
    status: 'live',
    seq: 10,
    serverTime: '2026-01-01T12:00:00.000Z',
    currentLot: lot(),
    managers: [manager(ANN), manager(BOB)],
    lotsRemaining: 5,
    startsAt: null,
    nextLotAt: null,
    lots: [],
    settings: settings(),
    commissionerId: ANN,
    ...overrides,
  };
}
