import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AcceptedBid } from '@auction/contracts';
import { deadlineAfterAcceptedBid, settleProxies, type Bidder } from '@auction/auction-domain';
import type { Transaction } from '@auction/db';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import { BidsRepository } from '../../data/bids.repository.js';
import { ProxiesRepository } from '../../data/proxies.repository.js';
import { RoomEvents } from './room-events.js';

/**
 * The proxy bids an open lot needs at once (SPEC §8), placed as ordinary accepted bids marked
 * `proxy` in the caller's transaction, which holds the auction row lock: after a manual bid, a
 * lot opening or a proxy set. Each takes the next seq and the clock rules like any bid. The
 * maxima stay in the engine: only the bids they make are written into answers and events.
 */
@Injectable()
export class ProxySettlement {
  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly bids: BidsRepository,
    private readonly proxies: ProxiesRepository,
    private readonly room: RoomEvents,
  ) {}

  /** Inside the caller's transaction, with the auction row locked; the bids to announce after COMMIT. */
  async settle(db: Transaction, auctionId: string, lotId: string, now: Date): Promise<AcceptedBid[]> {
    const [auction, lot] = [await this.auctions.findById(db, auctionId), await this.auctions.lotInAuction(db, auctionId, lotId)];
    if (!auction || auction.status !== 'live' || !lot || lot.status !== 'open' || !lot.endsAt || lot.endsAt <= now) return [];
    const proxies = await this.proxies.onLot(db, auctionId, lotId);
    if (proxies.length === 0) return [];
    const managers: Record<string, Bidder> = {};
    for (const manager of await this.auctions.managers(db, auctionId)) managers[manager.userId] = { isManager: true, ...manager };
    const plan = settleProxies({ highBid: lot.highBid, highBidderId: lot.highBidderId, settings: auction.settings, proxies, managers });
    const placed: AcceptedBid[] = [];
    let endsAt = lot.endsAt;
    for (const { bidderId, amount } of plan) {
      endsAt = deadlineAfterAcceptedBid(endsAt, now, auction.settings);
      const maximum = proxies.find((proxy) => proxy.userId === bidderId)!.maxAmount;
      const key = { auctionId, lotId, bidderId, clientBidId: `proxy-${randomUUID()}` };
      placed.push(await this.bids.accept(db, key, { amount, serverTime: now, endsAt, proxyMaxAmount: maximum }));
    }
    return placed;
  }

  /**
   * After COMMIT: the room hears each bid. Answers the lot's deadline after them, for callers that
   * watch deadlines (this class cannot: the lot closer depends on it through the lot settlement).
   */
  announce(placed: readonly AcceptedBid[]): Date | null {
    for (const bid of placed) this.room.bidAccepted(bid);
    const last = placed.at(-1);
    return last ? new Date(last.endsAt) : null;
  }
}
