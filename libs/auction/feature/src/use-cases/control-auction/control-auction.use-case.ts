import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type AcceptedBid, type AuctionSnapshot } from '@auction/contracts';
import { pausedRemainingMs, resumedDeadline } from '@auction/auction-domain';
import { Transactor, type DatabaseHandle, type Transaction } from '@auction/db';
import { CLOCK, DATABASE, type Clock } from '@auction/platform';
import { AuditRepository } from '../../data/audit.repository.js';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import { buildSnapshot, type Auction } from '../../model/auction-state.js';
import { LotDeadlines } from '../shared/due-times.js';
import { LotSettlement, type Settlement } from '../shared/lot-settlement.js';
import { ProxySettlement } from '../shared/proxy-settlement.js';
import { RoomEvents } from '../shared/room-events.js';

export type ControlAction = 'pause' | 'resume' | 'end';

export interface ControlAuctionInput {
  auctionId: string;
  userId: string;
  action: ControlAction;
}

type Announcement =
  | { kind: 'paused'; seq: number; remainingMs: number }
  | { kind: 'resumed'; seq: number; endsAt: Date | null; nextLotAt: Date | null; turnEndsAt: Date | null; proxyBids: AcceptedBid[] }
  | { kind: 'ended'; settlement: Settlement | null; seq: number };

/**
 * Commissioner controls. Pause freezes the open lot's remaining time (its deadline is cleared,
 * so no replica closes it), or in a gap or lead-in what is left of it; resume gives it a fresh
 * deadline (or gap end) of now + that time; end early
 * settles the open lot as if its time had run out (sold to the high bidder, if any) and
 * completes the auction, leaving never-opened lots unsold-by-default (pending).
 */
@Injectable()
export class ControlAuctionUseCase {
  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly audit: AuditRepository,
    private readonly settlement: LotSettlement,
    private readonly proxies: ProxySettlement,
    private readonly room: RoomEvents,
    private readonly deadlines: LotDeadlines,
    private readonly transactor: Transactor,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ auctionId, userId, action }: ControlAuctionInput): Promise<AuctionSnapshot> {
    const announcement = await this.transactor.run(async (db) => {
      const auction = await this.auctions.lockAuction(db, auctionId);
      if (!auction) throw new DomainError('NOT_FOUND', 'There is no such auction.');
      if (auction.commissionerId !== userId) throw new DomainError('NOT_COMMISSIONER', 'Only the commissioner can control the auction.');
      if (auction.status === 'scheduled') throw new DomainError('AUCTION_NOT_STARTED', 'The auction has not started yet.');
      const now = this.clock.now();
      const done = await this[action](db, auction, now);
      await this.audit.record(db, { auctionId, seq: done.seq, at: now, actorId: userId, action, details: {} });
      return done;
    });
    this.announce(auctionId, announcement);
    const view = (await this.auctions.view(this.database.db, auctionId))!;
    const snapshot = buildSnapshot(view, this.clock.now());
    // `auction:resumed` has no field for a turn's new timeout: the room resyncs on a snapshot.
    if (announcement.kind === 'resumed' && announcement.turnEndsAt) this.room.snapshot(snapshot);
    return snapshot;
  }

  private async pause(db: Transaction, auction: Auction, now: Date): Promise<Announcement> {
    this.requireStatus(auction, 'live', 'The auction is not live.');
    const lot = await this.auctions.openLot(db, auction.id);
    const remainingMs = lot?.endsAt ? pausedRemainingMs(lot.endsAt, now) : 0;
    if (lot) await this.auctions.pauseLot(db, lot.id, remainingMs);
    const pausedGapMs = auction.nextLotAt ? pausedRemainingMs(auction.nextLotAt, now) : null;
    const pausedTurnMs = auction.turnEndsAt ? pausedRemainingMs(auction.turnEndsAt, now) : null;
    await this.auctions.setSeq(db, auction.id, auction.seq + 1, {
      status: 'paused',
      nextLotAt: null,
      pausedGapMs,
      turnEndsAt: null,
      pausedTurnMs,
    });
    return { kind: 'paused', seq: auction.seq + 1, remainingMs: lot ? remainingMs : (pausedGapMs ?? pausedTurnMs ?? 0) };
  }

  private async resume(db: Transaction, auction: Auction, now: Date): Promise<Announcement> {
    this.requireStatus(auction, 'paused', 'The auction is not paused.');
    const lot = await this.auctions.openLot(db, auction.id);
    const endsAt = lot ? resumedDeadline(lot.pausedRemainingMs ?? 0, now) : null;
    if (lot && endsAt) await this.auctions.resumeLot(db, lot.id, endsAt);
    const nextLotAt = auction.pausedGapMs === null ? null : resumedDeadline(auction.pausedGapMs, now);
    const turnEndsAt = auction.pausedTurnMs === null ? null : resumedDeadline(auction.pausedTurnMs, now);
    await this.auctions.setSeq(db, auction.id, auction.seq + 1, {
      status: 'live',
      nextLotAt,
      pausedGapMs: null,
      turnEndsAt,
      pausedTurnMs: null,
    });
    // Proxies set or changed during the pause answer now.
    const proxyBids = lot ? await this.proxies.settle(db, auction.id, lot.id, now) : [];
    return { kind: 'resumed', seq: auction.seq + 1, endsAt, nextLotAt, turnEndsAt, proxyBids };
  }

  private async end(db: Transaction, auction: Auction, now: Date): Promise<Announcement> {
    if (auction.status === 'completed') throw new DomainError('AUCTION_COMPLETED', 'The auction has already ended.');
    const lot = await this.auctions.openLot(db, auction.id);
    if (lot) {
      const closed = await this.auctions.closeNow(db, lot.id, now, auction.seq + 1);
      const settlement = await this.settlement.settle(db, auction, closed, now, true);
      return { kind: 'ended', settlement, seq: settlement.completedSeq! };
    }
    await this.auctions.setSeq(db, auction.id, auction.seq + 1, {
      status: 'completed',
      completedAt: now,
      nextLotAt: null,
      pausedGapMs: null,
      turnEndsAt: null,
      pausedTurnMs: null,
    });
    return { kind: 'ended', settlement: null, seq: auction.seq + 1 };
  }

  private requireStatus(auction: Auction, status: Auction['status'], message: string): void {
    if (auction.status === status) return;
    if (auction.status === 'completed') throw new DomainError('AUCTION_COMPLETED', 'The auction has ended.');
    throw new DomainError('CONFLICT', message);
  }

  private announce(auctionId: string, announcement: Announcement): void {
    if (announcement.kind === 'paused') this.room.paused(auctionId, announcement.seq, announcement.remainingMs);
    else if (announcement.kind === 'resumed') {
      this.room.resumed(auctionId, announcement.seq, announcement.endsAt, announcement.nextLotAt);
      this.deadlines.watch(this.proxies.announce(announcement.proxyBids) ?? announcement.endsAt ?? announcement.nextLotAt);
    } else if (announcement.settlement) this.settlement.announce(announcement.settlement);
    else this.settlement.announceCompleted(auctionId, announcement.seq);
  }
}
