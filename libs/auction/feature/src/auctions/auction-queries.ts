import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type AcceptedBid, type AuctionResults, type AuctionSnapshot, type BidHistoryQuery, type Page } from '@auction/contracts';
import { CLOCK, type Clock } from '@auction/platform';
import { BidsRepository } from '../bids/bids.repository.js';
import { buildSnapshot, type AuctionView } from './auction-state.js';
import { AuctionsRepository } from './auctions.repository.js';

/** Reads for members: snapshot, bid history, results. */
@Injectable()
export class AuctionQueries {
  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly bids: BidsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async snapshot(auctionId: string, userId: string): Promise<AuctionSnapshot> {
    const view = await this.memberView(auctionId, userId);
    return buildSnapshot(view, this.clock.now());
  }

  /** The snapshot without a membership check (resync of sockets already admitted to the room). */
  async snapshotOf(auctionId: string): Promise<AuctionSnapshot | null> {
    const view = await this.auctions.view(auctionId);
    return view ? buildSnapshot(view, this.clock.now()) : null;
  }

  async bidHistory(auctionId: string, userId: string, query: BidHistoryQuery): Promise<Page<AcceptedBid>> {
    await this.requireMember(auctionId, userId);
    const items = await this.bids.history(auctionId, { lotId: query.lotId, limit: query.limit + 1, beforeSeq: query.cursor });
    const page = items.slice(0, query.limit);
    return { items: page, nextCursor: items.length > query.limit ? String(page.at(-1)!.seq) : null };
  }

  async results(auctionId: string, userId: string): Promise<AuctionResults> {
    const view = await this.memberView(auctionId, userId);
    return {
      auctionId,
      managers: view.managers.map((manager) => ({
        userId: manager.userId,
        displayName: manager.displayName,
        budgetRemaining: manager.budgetRemaining,
        spent: manager.spent,
        roster: view.closedLots
          .filter((lot) => lot.status === 'sold' && lot.winnerId === manager.userId)
          .map((lot) => ({ asset: lot.asset, price: lot.price!, lotId: lot.id })),
      })),
      unsold: view.closedLots.filter((lot) => lot.status === 'unsold').map((lot) => ({ asset: lot.asset, lotId: lot.id })),
      neverOffered: (await this.auctions.pendingLotList(auctionId)).map((lot) => lot.asset),
    };
  }

  private async memberView(auctionId: string, userId: string): Promise<AuctionView> {
    const view = await this.auctions.view(auctionId);
    if (!view) throw new DomainError('NOT_FOUND', 'There is no such auction.');
    if (!view.managers.some((manager) => manager.userId === userId)) {
      throw new DomainError('NOT_A_MEMBER', 'Only members of this league can see its auction.');
    }
    return view;
  }

  /** Refuses with NOT_FOUND or NOT_A_MEMBER; cheaper than a snapshot (two indexed reads). */
  async requireMember(auctionId: string, userId: string): Promise<void> {
    const auction = await this.auctions.findById(auctionId);
    if (!auction) throw new DomainError('NOT_FOUND', 'There is no such auction.');
    if (!(await this.auctions.manager(auctionId, userId))) {
      throw new DomainError('NOT_A_MEMBER', 'Only members of this league can see its auction.');
    }
  }
}
