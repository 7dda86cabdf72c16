import { Injectable } from '@nestjs/common';
import type { AuctionSnapshot } from '@auction/contracts';
import { undoSale } from '@auction/auction-domain';
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

export type UndoSaleInput = SaleCorrectionInput;

/**
 * `POST /api/auctions/:id/lots/:lotId/undo`: the winner is refunded, every other sale stays; in
 * `order` mode a running auction offers the asset again after its last lot, a completed one leaves
 * it unowned.
 */
@Injectable()
export class UndoSaleUseCase {
  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly correction: SaleCorrection,
    private readonly room: RoomEvents,
  ) {}

  execute(input: UndoSaleInput): Promise<AuctionSnapshot> {
    return this.correction.run(input, (db, scene) => this.undo(db, scene, input.userId));
  }

  private async undo(db: Transaction, { auction, lot, managers, seq }: CorrectionScene, userId: string): Promise<CorrectionOutcome> {
    const winnerId = lot.winnerId ?? '';
    const undone = undoSale({
      auctionStatus: auction.status,
      isCommissioner: auction.commissionerId === userId,
      lot,
      winner: booksOf(
        managers.find((manager) => manager.userId === winnerId),
        winnerId,
      ),
      mode: auction.settings.nominationMode,
    });
    if (!undone.ok) refused(undone);
    await this.auctions.unsell(db, lot.id);
    await this.auctions.setBooks(db, auction.id, undone.previousWinner);
    if (undone.reopensAtEnd) await this.auctions.offerAgain(db, lot);
    const event = { auctionId: auction.id, lotId: lot.id, asset: lot.asset, previousWinnerId: winnerId, refund: undone.refund, seq };
    return {
      audit: { action: 'undo', details: { lotId: lot.id, asset: lot.asset, previousWinnerId: winnerId, refund: undone.refund } },
      announce: () => this.room.saleUndone(event),
    };
  }
}
