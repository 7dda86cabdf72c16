import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AcceptedBid } from '@auction/contracts';
import { deadlineAfterAcceptedBid, settleProxies, type Bidder } from '@auction/auction-domain';
import type { Transaction } from '@auction/db';
import { BidsRepository, type LotInPlay, type PlacedBid } from '../../data/bids.repository.js';
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
    private readonly bids: BidsRepository,
    private readonly room: RoomEvents,
  ) {}

  /**
   * Inside the caller's transaction, with the auction row locked: reads the lot and its proxies
   * (one statement) and writes their bids (one more, if any); the bids to announce after COMMIT.
   */
  async settle(db: Transaction, auctionId: string, lotId: string, now: Date): Promise<AcceptedBid[]> {
    return this.place(db, await this.bids.lotInPlay(db, { auctionId, lotId }), now);
  }

  /** The same for the auction's open lot, if it is the asset's (a proxy was set on it). */
  async settleOpenLotOf(db: Transaction, auctionId: string, assetId: string, now: Date): Promise<AcceptedBid[]> {
    return this.place(db, await this.bids.openLotOfAsset(db, auctionId, assetId), now);
  }

  /**
   * The bids the lot's proxies place at once on the lot as it stands, in order, each with the
   * deadline it leaves; none unless the auction is live and the lot open. Pure: a caller that
   * already has the lot in play (a bid under the lock) writes them with its own bid.
   */
  answers({ auction, lot, proxies }: LotInPlay, now: Date): PlacedBid[] {
    if (proxies.length === 0 || auction?.status !== 'live' || lot?.status !== 'open' || !lot.endsAt || lot.endsAt <= now) return [];
    const owners: Record<string, Bidder> = {};
    for (const { userId, budgetRemaining, rosterCount } of proxies) owners[userId] = { isManager: true, budgetRemaining, rosterCount };
    const plan = settleProxies({
      highBid: lot.highBid,
      highBidderId: lot.highBidderId,
      settings: auction.settings,
      proxies,
      managers: owners,
    });
    let endsAt = lot.endsAt;
    return plan.map(({ bidderId, amount }) => {
      endsAt = deadlineAfterAcceptedBid(endsAt, now, auction.settings);
      const proxyMaxAmount = proxies.find((proxy) => proxy.userId === bidderId)!.maxAmount;
      return { bidderId, clientBidId: `proxy-${randomUUID()}`, amount, serverTime: now, endsAt, proxyMaxAmount };
    });
  }

  private async place(db: Transaction, inPlay: LotInPlay, now: Date): Promise<AcceptedBid[]> {
    const answers = this.answers(inPlay, now);
    return answers.length > 0 ? this.bids.acceptAll(db, { auctionId: inPlay.lot!.auctionId, lotId: inPlay.lot!.id }, answers) : [];
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
