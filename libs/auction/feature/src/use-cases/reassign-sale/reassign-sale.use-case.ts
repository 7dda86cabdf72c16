import { Injectable } from '@nestjs/common';
import type { AuctionSnapshot } from '@auction/contracts';
import { reassignSale } from '@auction/auction-domain';
import type { Transaction } from '@auction/db';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import { RoomEvents } from '../shared/room-events.js';
import {
  SaleCorrection,
  booksOf,
  refused,
  type CorrectionOutcome,
  type CorrectionScene,
  type SaleCorrectionInput,
} from '../shared/sale-correction.js';

export interface ReassignSaleInput extends SaleCorrectionInput {
  toUserId: string;
  price: number;
}

/**
 * `POST /api/auctions/:id/lots/:lotId/reassign {userId, price}`: the sale moves to that manager
 * at that price; the previous winner is refunded (`BUDGET_EXCEEDED`, `ROSTER_FULL`,
 * `NOT_A_MANAGER` apply to the new owner).
 */
@Injectable()
export class ReassignSaleUseCase {
  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly correction: SaleCorrection,
    private readonly room: RoomEvents,
  ) {}

  execute(input: ReassignSaleInput): Promise<AuctionSnapshot> {
    return this.correction.run(input, (db, scene) => this.reassign(db, scene, input));
  }

  private async reassign(
    db: Transaction,
    { auction, lot, managers, seq }: CorrectionScene,
    input: ReassignSaleInput,
  ): Promise<CorrectionOutcome> {
    const fromUserId = lot.winnerId ?? '';
    const books = (userId: string) =>
      booksOf(
        managers.find((manager) => manager.userId === userId),
        userId,
      );
    const moved = reassignSale({
      auctionStatus: auction.status,
      isCommissioner: auction.commissionerId === input.userId,
      lot,
      from: books(fromUserId),
      to: books(input.toUserId),
      price: input.price,
      settings: auction.settings,
    });
    if (!moved.ok) refused(moved);
    await this.auctions.resell(db, lot.id, input.toUserId, input.price);
    for (const changed of moved.books) await this.auctions.setBooks(db, auction.id, changed);
    const sale = { lotId: lot.id, asset: lot.asset, fromUserId, toUserId: input.toUserId, price: input.price };
    return {
      audit: { action: 'reassign', details: { ...sale, previousPrice: lot.price ?? 0 } },
      announce: () => this.room.saleReassigned({ auctionId: auction.id, ...sale, seq }),
    };
  }
}
