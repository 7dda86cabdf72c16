import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type AuctionSnapshot } from '@auction/contracts';
import { pauseEnd } from '@auction/auction-domain';
import type { Database } from '@auction/db';
import { CLOCK, type Clock } from '@auction/platform';
import { AuctionBroadcaster } from '../auctions/auction-broadcaster.js';
import { buildSnapshot, type Auction, type Lot } from '../auctions/auction-state.js';
import { AuctionsRepository } from '../auctions/auctions.repository.js';
import { LotCloser } from '../lots/lot-closer.js';
import { LotSettlement } from '../lots/lot-settlement.js';

interface WentLive {
  auctionId: string;
  seq: number;
  nextLotAt: Date | null;
  opened: { lot: Lot; seq: number; lotsRemaining: number } | null;
  now: Date;
}

/**
 * Takes a scheduled auction live: by itself at `startsAt` (any replica, any number of times)
 * or when the commissioner starts it now. Under the auction row lock only a `scheduled`
 * auction goes live, so it goes live exactly once; `auction:live` (seq N) is followed by the
 * first lot (seq N + 1) at once, or after the lead-in through `next_lot_at`.
 */
@Injectable()
export class GoLive {
  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly broadcaster: AuctionBroadcaster,
    private readonly closer: LotCloser,
    private readonly settlement: LotSettlement,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The timer's path: true when this call took the auction live. */
  async ifDue(auctionId: string): Promise<boolean> {
    const wentLive = await this.auctions.transaction(async (db) => {
      const auction = await this.auctions.lockAuction(db, auctionId);
      const now = this.clock.now();
      if (!auction || auction.status !== 'scheduled' || !auction.startsAt || auction.startsAt > now) return null;
      return this.goLive(db, auction, now);
    });
    if (wentLive) this.announce(wentLive);
    return wentLive !== null;
  }

  /** `POST /api/auctions/:id/start`: the commissioner starts a scheduled auction now. */
  async now(auctionId: string, userId: string): Promise<AuctionSnapshot> {
    const wentLive = await this.auctions.transaction(async (db) => {
      const auction = await this.auctions.lockAuction(db, auctionId);
      if (!auction) throw new DomainError('NOT_FOUND', 'There is no such auction.');
      if (auction.commissionerId !== userId) throw new DomainError('NOT_COMMISSIONER', 'Only the commissioner can start the auction.');
      if (auction.status === 'completed') throw new DomainError('AUCTION_COMPLETED', 'The auction has ended.');
      if (auction.status !== 'scheduled') throw new DomainError('AUCTION_STARTED', 'The auction has already started.');
      return this.goLive(db, auction, this.clock.now());
    });
    this.announce(wentLive);
    return buildSnapshot((await this.auctions.view(auctionId))!, this.clock.now());
  }

  private async goLive(db: Database, auction: Auction, now: Date): Promise<WentLive> {
    const seq = auction.seq + 1;
    const nextLotAt = pauseEnd(now, auction.settings.leadInSeconds);
    if (nextLotAt) {
      await this.auctions.setSeq(db, auction.id, seq, { status: 'live', nextLotAt });
      return { auctionId: auction.id, seq, nextLotAt, opened: null, now };
    }
    const lot = await this.auctions.openNextLot(db, auction.id, now, new Date(now.getTime() + auction.settings.bidTimerSeconds * 1000));
    if (!lot) {
      await this.auctions.setSeq(db, auction.id, seq + 1, { status: 'completed', completedAt: now });
      return { auctionId: auction.id, seq, nextLotAt: null, opened: null, now };
    }
    await this.auctions.setSeq(db, auction.id, seq + 1, { status: 'live' });
    return { auctionId: auction.id, seq, nextLotAt: null, opened: { lot, seq: seq + 1, lotsRemaining: await this.auctions.pendingLots(db, auction.id) }, now };
  }

  private announce(wentLive: WentLive): void {
    const { auctionId, seq, nextLotAt, opened, now } = wentLive;
    this.broadcaster.live(auctionId, seq, nextLotAt);
    if (opened) {
      this.broadcaster.lotOpened(auctionId, opened.lot, opened.seq, opened.lotsRemaining, 'live', now);
      this.closer.watch(opened.lot.endsAt);
    } else if (nextLotAt) this.closer.watch(nextLotAt);
    else this.settlement.announceCompleted(auctionId, seq + 1);
  }
}
