import { describe, expect, it } from 'vitest';
import { buildSnapshot, type AuctionView, type Lot } from './auction-state.js';

const now = new Date('2026-03-01T19:00:00.000Z');
const asset = (n: number) => ({ id: `asset-${n}`, externalId: `x${n}`, name: `Club ${n}`, shortName: null, team: null, role: null });

function lot(n: number, overrides: Partial<Lot> = {}): Lot {
  return {
    id: `lot-${n}`,
    auctionId: 'a',
    position: n,
    asset: asset(n),
    status: 'open',
    openingBid: 1,
    highBid: null,
    highBidderId: null,
    endsAt: new Date(now.getTime() + 12_500),
    pausedRemainingMs: null,
    winnerId: null,
    price: null,
    closedAt: null,
    closedSeq: null,
    ...overrides,
  };
}

function view(overrides: Partial<AuctionView> = {}): AuctionView {
  return {
    auction: {
      id: 'a',
      leagueId: 'l',
      name: 'League',
      sport: 'football',
      commissionerId: 'ann',
      status: 'live',
      seq: 7,
      settings: {
        budget: 100,
        rosterSize: 3,
        openingBid: 5,
        minIncrement: 1,
        bidTimerSeconds: 30,
        antiSnipeSeconds: 10,
        lotGapSeconds: 3,
        leadInSeconds: 10,
        nominationOrder: 'fixed',
        scoringRules: { win: 3, draw: 1, goal: 1 },
      },
      createdAt: now,
      completedAt: null,
      startsAt: null,
      nextLotAt: null,
      pausedGapMs: null,
    },
    managers: [
      { userId: 'ann', displayName: 'Ann', role: 'commissioner', joinedAt: now, budgetRemaining: 70, spent: 30, rosterCount: 1 },
      { userId: 'bob', displayName: 'Bob', role: 'manager', joinedAt: now, budgetRemaining: 100, spent: 0, rosterCount: 0 },
    ],
    currentLot: lot(2, { highBid: 12, highBidderId: 'bob' }),
    closedLots: [
      lot(1, { status: 'sold', winnerId: 'ann', price: 30, endsAt: now, closedSeq: 3 }),
      lot(3, { status: 'unsold', endsAt: now, closedSeq: 5 }),
    ],
    lotsRemaining: 4,
    ...overrides,
  };
}

describe('buildSnapshot', () => {
  it('is the SPEC snapshot with max bids, rosters, the remaining time and the settings', () => {
    expect(buildSnapshot(view(), now)).toEqual({
      id: 'a',
      leagueId: 'l',
      status: 'live',
      seq: 7,
      serverTime: now.toISOString(),
      currentLot: {
        id: 'lot-2',
        asset: asset(2),
        openingBid: 1,
        highBid: 12,
        highBidderId: 'bob',
        endsAt: '2026-03-01T19:00:12.500Z',
        remainingMs: 12_500,
      },
      managers: [
        { userId: 'ann', displayName: 'Ann', budgetRemaining: 70, maxBid: 65, roster: [{ asset: asset(1), price: 30, lotId: 'lot-1' }] },
        { userId: 'bob', displayName: 'Bob', budgetRemaining: 100, maxBid: 90, roster: [] },
      ],
      lotsRemaining: 4,
      startsAt: null,
      nextLotAt: null,
      lots: [
        { lotId: 'lot-1', asset: asset(1), status: 'sold', winnerId: 'ann', price: 30, seq: 3 },
        { lotId: 'lot-3', asset: asset(3), status: 'unsold', winnerId: null, price: null, seq: 5 },
      ],
      settings: {
        minIncrement: 1,
        openingBid: 5,
        rosterSize: 3,
        budget: 100,
        antiSnipeSeconds: 10,
        bidTimerSeconds: 30,
        lotGapSeconds: 3,
        leadInSeconds: 10,
        sport: 'football',
      },
      commissionerId: 'ann',
    });
  });

  it('shows the frozen time while paused and no lot once completed', () => {
    const paused = view({ currentLot: lot(2, { endsAt: null, pausedRemainingMs: 4200 }) });
    paused.auction.status = 'paused';
    expect(buildSnapshot(paused, now).currentLot).toMatchObject({ endsAt: null, remainingMs: 4200 });
    const done = view();
    done.auction.status = 'completed';
    expect(buildSnapshot(done, now).currentLot).toBeNull();
  });

  it('shows a scheduled start and the end of a gap', () => {
    const gap = view({ currentLot: null });
    gap.auction.nextLotAt = new Date(now.getTime() + 3_000);
    gap.auction.startsAt = new Date(now.getTime() - 60_000);
    expect(buildSnapshot(gap, now)).toMatchObject({
      currentLot: null,
      nextLotAt: '2026-03-01T19:00:03.000Z',
      startsAt: '2026-03-01T18:59:00.000Z',
    });
    gap.auction.status = 'completed';
    expect(buildSnapshot(gap, now).nextLotAt).toBeNull();
  });
});
