import { describe, expect, it } from 'vitest';
import { bidderMaxBid, checkBid, minimumNextBid, type Bidder } from './bid-rules.js';
import { settleProxies, type Proxy, type ProxyBid, type ProxyLotState } from './proxy-settlement.js';

const earlier = new Date('2025-08-01T11:00:00.000Z');
const later = new Date('2025-08-01T11:05:00.000Z');
const rich: Bidder = { isManager: true, budgetRemaining: 500, rosterCount: 0 };

function lot(overrides: Partial<ProxyLotState> = {}): ProxyLotState {
  return {
    highBid: null,
    highBidderId: null,
    settings: { openingBid: 1, minIncrement: 1, rosterSize: 3 },
    proxies: [],
    managers: { ann: rich, bob: rich, cat: rich, manual: rich },
    ...overrides,
  };
}

const proxy = (userId: string, maxAmount: number, setAt = earlier): Proxy => ({ userId, maxAmount, setAt });
const bid = (bidderId: string, amount: number): ProxyBid => ({ bidderId, amount });

describe('settleProxies: one proxy', () => {
  it('opens a lot without bids at the opening bid', () => {
    const state = lot({ settings: { openingBid: 5, minIncrement: 2, rosterSize: 3 }, proxies: [proxy('ann', 40)] });
    expect(settleProxies(state)).toEqual([bid('ann', 5)]);
  });

  it('tops a manual bid by the increment', () => {
    const state = lot({
      highBid: 10,
      highBidderId: 'manual',
      settings: { openingBid: 1, minIncrement: 5, rosterSize: 3 },
      proxies: [proxy('ann', 40)],
    });
    expect(settleProxies(state)).toEqual([bid('ann', 15)]);
  });

  it('tops up to its maximum exactly, and not a manual bid it cannot top', () => {
    expect(settleProxies(lot({ highBid: 39, highBidderId: 'manual', proxies: [proxy('ann', 40)] }))).toEqual([bid('ann', 40)]);
    expect(settleProxies(lot({ highBid: 40, highBidderId: 'manual', proxies: [proxy('ann', 40)] }))).toEqual([]);
  });

  it('bids nothing for the manager who leads already', () => {
    expect(settleProxies(lot({ highBid: 10, highBidderId: 'ann', proxies: [proxy('ann', 40)] }))).toEqual([]);
  });

  it('bids nothing under the opening bid', () => {
    expect(settleProxies(lot({ settings: { openingBid: 50, minIncrement: 1, rosterSize: 3 }, proxies: [proxy('ann', 40)] }))).toEqual([]);
  });
});

describe('settleProxies: two proxies', () => {
  it('settles second-price at once: the higher maximum leads at the lower + increment', () => {
    const state = lot({ proxies: [proxy('ann', 50), proxy('bob', 30)] });
    expect(settleProxies(state)).toEqual([bid('bob', 30), bid('ann', 31)]);
  });

  it('caps the winner at its own maximum when the lower + increment is above it', () => {
    const state = lot({ settings: { openingBid: 1, minIncrement: 5, rosterSize: 3 }, proxies: [proxy('ann', 32), proxy('bob', 30)] });
    // The runner-up shows the most that leaves the winner one increment: 32 − 5.
    expect(settleProxies(state)).toEqual([bid('bob', 27), bid('ann', 32)]);
  });

  it('gives equal maxima to the proxy set first, at that maximum', () => {
    expect(settleProxies(lot({ proxies: [proxy('bob', 30, later), proxy('ann', 30, earlier)] }))).toEqual([bid('bob', 29), bid('ann', 30)]);
    expect(settleProxies(lot({ proxies: [proxy('bob', 30, earlier), proxy('ann', 30, later)] }))).toEqual([bid('ann', 29), bid('bob', 30)]);
  });

  it('lets only the strongest two bid when three proxies meet', () => {
    const state = lot({ proxies: [proxy('cat', 20), proxy('ann', 50), proxy('bob', 30)] });
    expect(settleProxies(state)).toEqual([bid('bob', 30), bid('ann', 31)]);
  });

  it('defends a leader whose proxy is higher, with the rival shown at its maximum', () => {
    const state = lot({ highBid: 10, highBidderId: 'ann', proxies: [proxy('ann', 50), proxy('bob', 30, later)] });
    expect(settleProxies(state)).toEqual([bid('bob', 30), bid('ann', 31)]);
  });

  it('lets a new higher proxy overtake a leading one at its maximum + increment', () => {
    const state = lot({ highBid: 20, highBidderId: 'ann', proxies: [proxy('ann', 25), proxy('bob', 40, later)] });
    expect(settleProxies(state)).toEqual([bid('bob', 26)]);
  });

  it('hands the lead to the rival when the increment leaves the leader’s proxy no answer', () => {
    // ann leads at 10 with a maximum of 11; bob can bid 11, and ann would need 12.
    const state = lot({ highBid: 10, highBidderId: 'ann', proxies: [proxy('ann', 11), proxy('bob', 11, later)] });
    expect(settleProxies(state)).toEqual([bid('bob', 11)]);
  });
});

describe('settleProxies: proxy against manual bids', () => {
  it('tops at once a manual bid a rival proxy can top', () => {
    const state = lot({ highBid: 25, highBidderId: 'manual', proxies: [proxy('ann', 50), proxy('manual', 20)] });
    expect(settleProxies(state)).toEqual([bid('ann', 26)]);
  });

  it('counts the manual leader’s own higher proxy in the settlement', () => {
    const state = lot({ highBid: 25, highBidderId: 'manual', proxies: [proxy('ann', 50), proxy('manual', 60, later)] });
    expect(settleProxies(state)).toEqual([bid('ann', 50), bid('manual', 51)]);
  });
});

describe('settleProxies: caps', () => {
  it('caps a proxy by the max-bid rule', () => {
    // 40 remaining, 3 open slots, opening 5: max bid 30, below the proxy's 100.
    const poor: Bidder = { isManager: true, budgetRemaining: 40, rosterCount: 0 };
    const state = lot({
      settings: { openingBid: 5, minIncrement: 1, rosterSize: 3 },
      proxies: [proxy('ann', 100), proxy('bob', 60)],
      managers: { ann: poor, bob: rich },
    });
    expect(settleProxies(state)).toEqual([bid('ann', 30), bid('bob', 31)]);
  });

  it('never bids for a full roster or for someone who is not a manager', () => {
    const state = lot({
      highBid: 5,
      highBidderId: 'manual',
      proxies: [proxy('ann', 100), proxy('bob', 100)],
      managers: { ann: { isManager: true, budgetRemaining: 400, rosterCount: 3 }, bob: { ...rich, isManager: false }, manual: rich },
    });
    expect(settleProxies(state)).toEqual([]);
  });
});

/** A small deterministic generator (mulberry32), so the random cases are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('settleProxies: on many random lots', () => {
  const random = seeded(20251201);
  const pick = (max: number) => 1 + Math.floor(random() * max);
  const users = ['ann', 'bob', 'cat', 'dan'];

  function randomLot(): ProxyLotState {
    const settings = { openingBid: pick(5), minIncrement: pick(6), rosterSize: 3 };
    const managers = Object.fromEntries(
      users.map((u) => [u, { isManager: true, budgetRemaining: 20 + pick(80), rosterCount: pick(4) - 1 }]),
    );
    const proxies = users
      .filter(() => random() < 0.7)
      .map((u, i) => proxy(u, pick(90), new Date(earlier.getTime() + i * (random() < 0.5 ? 1 : -1))));
    const leader = random() < 0.5 ? null : users[pick(users.length) - 1];
    const highBid = leader === null ? null : settings.openingBid + pick(30);
    return { highBid, highBidderId: leader, settings, proxies, managers };
  }

  const capacity = (state: ProxyLotState, p: Proxy) => Math.min(p.maxAmount, bidderMaxBid(state.managers[p.userId], state.settings));

  it('places only legal bids, each within its proxy’s maximum and by someone not leading, and ends settled', () => {
    let contested = 0;
    for (let round = 0; round < 2000; round++) {
      const state = randomLot();
      const placedBids = settleProxies(state);
      if (placedBids.length > 1) contested++;
      let highBid = state.highBid;
      let leader = state.highBidderId;
      for (const placed of placedBids) {
        const maximum = state.proxies.find((p) => p.userId === placed.bidderId)?.maxAmount ?? 0;
        const bidder = state.managers[placed.bidderId];
        const lotNow = { status: 'open' as const, endsAt: later, highBid };
        expect(
          checkBid({ auctionStatus: 'live', lot: lotNow, settings: state.settings, bidder, amount: placed.amount, now: earlier }),
        ).toEqual({ ok: true });
        expect(placed.amount).toBeLessThanOrEqual(maximum);
        expect(placed.bidderId).not.toBe(leader);
        [highBid, leader] = [placed.amount, placed.bidderId];
      }
      const next = minimumNextBid(highBid, state.settings);
      expect(state.proxies.filter((p) => p.userId !== leader && capacity(state, p) >= next)).toEqual([]);
      expect(highBid ?? 0).toBeLessThanOrEqual(secondPriceBound(state));
    }
    expect(contested).toBeGreaterThan(100);
  });

  /** No settlement ends above the second-highest capacity + increment, or the least that leads when that is more. */
  function secondPriceBound(state: ProxyLotState): number {
    const capacities = [...state.proxies.map((p) => capacity(state, p)), state.highBid ?? 0].sort((a, b) => b - a);
    return Math.max(state.highBid ?? 0, minimumNextBid(state.highBid, state.settings), (capacities[1] ?? 0) + state.settings.minIncrement);
  }
});
