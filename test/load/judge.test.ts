import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FormatInvariantBid, FormatInvariantLot } from '@auction/auction-domain';
import type { AckRecord } from '../../load/client.js';
import type { ProxyRecord } from '../../load/format-players.js';
import { judge, type JudgeInput } from '../../load/judge.js';
import type { StoredAuction } from '../../load/stored.js';

/**
 * The judge on the formats of SPEC §8, on a stored auction written by hand: one lot in
 * `managers` mode, nominated by W at 1, topped by P's proxy at 2 (maximum 30), won by W at 40.
 * Sound as it stands; each test breaks one thing and expects the rule that sees it.
 */
const auctionId = randomUUID();
const lotId = randomUUID();
const assetId = randomUUID();
const W = randomUUID();
const P = randomUUID();
const opened = Date.parse('2026-01-01T20:00:00Z');
const BID_TIMER_MS = 3000;

function soundInput(): JudgeInput & { auctions: [StoredAuction] } {
  const bids = [
    { id: randomUUID(), lotId, bidderId: W, amount: 1, seq: 2, createdAt: opened, endsAt: opened + BID_TIMER_MS, proxy: false },
    { id: randomUUID(), lotId, bidderId: P, amount: 2, seq: 3, createdAt: opened + 200, endsAt: opened + BID_TIMER_MS, proxy: true },
    { id: randomUUID(), lotId, bidderId: W, amount: 40, seq: 4, createdAt: opened + 900, endsAt: opened + BID_TIMER_MS, proxy: false },
  ];
  const closedAt = opened + BID_TIMER_MS + 100;
  const stateLots: FormatInvariantLot[] = [{ id: lotId, status: 'sold', winnerId: W, price: 40, turn: 1, nominatedBy: W }];
  const stateBids: FormatInvariantBid[] = bids.map((b) => ({
    lotId,
    seq: b.seq,
    amount: b.amount,
    bidderId: b.bidderId,
    proxy: b.proxy,
    proxyMaxAmount: b.proxy ? 30 : null,
  }));
  const auction: StoredAuction = {
    id: auctionId,
    status: 'completed',
    seq: 5,
    bidTimerMs: BID_TIMER_MS,
    openingBid: 1,
    minIncrement: 1,
    lots: [
      {
        id: lotId,
        assetId,
        status: 'sold',
        openedAt: opened,
        endsAt: opened + BID_TIMER_MS,
        closedAt,
        closedSeq: 5,
        winnerId: W,
        price: 40,
        nominatedBy: W,
        autoNominated: false,
      },
    ],
    bids,
    state: {
      budget: 1000,
      rosterSize: 3,
      managers: [
        { userId: W, spent: 40, budgetRemaining: 960, roster: [{ assetId, price: 40 }] },
        { userId: P, spent: 0, budgetRemaining: 1000, roster: [] },
      ],
      nominationMode: 'managers',
      lots: stateLots,
      bids: stateBids,
      corrections: [],
    },
  };
  const ack = (kind: AckRecord['kind'], bid: (typeof bids)[number]): AckRecord => ({
    kind,
    at: 0,
    ms: 10,
    auctionId,
    lotId,
    bidderId: bid.bidderId,
    amount: bid.amount,
    clientBidId: randomUUID(),
    tries: 1,
    code: null,
    accepted: {
      id: bid.id,
      auctionId,
      lotId,
      bidderId: bid.bidderId,
      amount: bid.amount,
      seq: bid.seq,
      clientBidId: randomUUID(),
      createdAt: new Date(bid.createdAt).toISOString(),
      serverTime: new Date(bid.createdAt).toISOString(),
      endsAt: new Date(bid.endsAt).toISOString(),
    },
  });
  const proxy: ProxyRecord = {
    auctionId,
    bidderId: P,
    lotId,
    assetId,
    maxAmount: 30,
    answeredAt: opened + 150,
    ms: 20,
    answered: true,
    refusal: null,
  };
  return {
    auctions: [auction],
    acks: [ack('nomination', bids[0]!), ack('bid', bids[2]!)],
    proxies: [proxy],
    clients: [],
    endRequestedAt: new Map(),
  };
}

const rules = (input: JudgeInput) => judge(input).map((v) => v.rule);

describe('the load judge on nominations and proxies', () => {
  it('finds nothing wrong with a sound auction', () => {
    expect(judge(soundInput())).toEqual([]);
  });

  it("applies SPEC §8's invariants to the stored auction (a lot opened with no nominator)", () => {
    const input = soundInput();
    const lots: FormatInvariantLot[] = (input.auctions[0].state.lots as readonly FormatInvariantLot[]).map((lot) => ({
      ...lot,
      nominatedBy: null,
    }));
    input.auctions[0].state = { ...input.auctions[0].state, lots };
    expect(rules(input)).toContain('LOT_WITHOUT_NOMINATOR');
  });

  it('sees a nomination acknowledged by hand but stored as the engine’s', () => {
    const input = soundInput();
    input.auctions[0].lots[0]!.autoNominated = true;
    expect(rules(input)).toEqual(['NOMINATION_NOT_AS_ACKNOWLEDGED']);
  });

  it('holds proxy bids to the maximum the bidder set, not to what the engine stored as it', () => {
    const input = soundInput();
    const [auction] = input.auctions;
    auction.bids[1]!.amount = 35;
    const bids: FormatInvariantBid[] = (auction.state.bids as readonly FormatInvariantBid[]).map((b) =>
      b.proxy ? { ...b, amount: 35, proxyMaxAmount: 40 } : b,
    );
    auction.state = { ...auction.state, bids };
    expect(rules(input)).toEqual(['PROXY_ABOVE_SET_MAXIMUM']);
  });

  it('sees a lot sold below a maximum set before it closed', () => {
    const input = soundInput();
    input.proxies = [{ ...input.proxies![0]!, maxAmount: 50 }];
    expect(rules(input)).toEqual(['PROXY_NOT_DEFENDED']);
  });

  it('does not hold a maximum set after the close, or one refused, against the sale', () => {
    const input = soundInput();
    const late = { ...input.proxies![0]!, maxAmount: 50, answeredAt: input.auctions[0].lots[0]!.closedAt! + 1 };
    const refused = { ...input.proxies![0]!, maxAmount: 50, refusal: 'ASSET_UNAVAILABLE' };
    input.proxies = [input.proxies![0]!, late, refused];
    expect(judge(input)).toEqual([]);
  });
});
