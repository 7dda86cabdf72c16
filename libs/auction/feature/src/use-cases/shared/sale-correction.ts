import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type AuctionSnapshot } from '@auction/contracts';
import type { CorrectionRefusal, ManagerBooks } from '@auction/auction-domain';
import { Transactor, type DatabaseHandle, type Transaction } from '@auction/db';
import { type Logger } from '@auction/observability';
import { CLOCK, DATABASE, LOGGER, type Clock } from '@auction/platform';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import { AuditRepository, type NewAuditEntry } from '../../data/audit.repository.js';
import { buildSnapshot, type Auction, type Lot, type Manager } from '../../model/auction-state.js';
import { PublishCompletionUseCase } from '../publish-completion/publish-completion.use-case.js';

export interface SaleCorrectionInput {
  auctionId: string;
  lotId: string;
  /** Who asks: only the commissioner may correct. */
  userId: string;
}

/** What a correction sees under the auction's row lock. */
export interface CorrectionScene {
  auction: Auction;
  lot: Lot;
  managers: Manager[];
  seq: number;
  now: Date;
}

/** What the correction wrote: the audit entry it recorded and what to tell the room after COMMIT. */
export interface CorrectionOutcome {
  audit: Omit<NewAuditEntry, 'auctionId' | 'seq' | 'at' | 'actorId'>;
  announce: () => void;
}

export function booksOf(manager: Manager | undefined, userId: string): ManagerBooks {
  if (!manager) return { userId, isManager: false, budgetRemaining: 0, spent: 0, rosterCount: 0 };
  return { userId, isManager: true, budgetRemaining: manager.budgetRemaining, spent: manager.spent, rosterCount: manager.rosterCount };
}

export function refused(refusal: CorrectionRefusal): never {
  throw new DomainError(refusal.code, refusal.message);
}

/**
 * The frame undo and reassign share: one transaction under the auction's row lock, a new seq,
 * the audit entry under that seq, and, after a completed auction's rosters changed, its
 * `auction.completed` again through the outbox so scoring rebuilds rosters and points.
 * The room hears of it only after COMMIT.
 */
@Injectable()
export class SaleCorrection {
  constructor(
    private readonly auctions: AuctionsRepository,
    private readonly audit: AuditRepository,
    private readonly publishCompletion: PublishCompletionUseCase,
    private readonly transactor: Transactor,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async run(
    input: SaleCorrectionInput,
    correct: (db: Transaction, scene: CorrectionScene) => Promise<CorrectionOutcome>,
  ): Promise<AuctionSnapshot> {
    const { auctionId, lotId, userId } = input;
    const { outcome, completed } = await this.transactor.run(async (db) => {
      const auction = await this.auctions.lockAuction(db, auctionId);
      if (!auction) throw new DomainError('NOT_FOUND', 'There is no such auction.');
      const lot = await this.auctions.lotInAuction(db, auctionId, lotId);
      if (!lot) throw new DomainError('NOT_FOUND', 'There is no such lot in this auction.');
      const now = this.clock.now();
      const seq = auction.seq + 1;
      const outcome = await correct(db, { auction, lot, managers: await this.auctions.managers(db, auctionId), seq, now });
      await this.auctions.setSeq(db, auctionId, seq);
      await this.audit.record(db, { ...outcome.audit, auctionId, seq, at: now, actorId: userId } as NewAuditEntry);
      const completed = auction.status === 'completed';
      if (completed) await this.auctions.reopenCompletionOutbox(db, auctionId);
      return { outcome, completed };
    });
    outcome.announce();
    if (completed) {
      this.publishCompletion.execute({ auctionId }).catch((error: Error) => {
        this.logger.warn({ auctionId, err: error.message }, 'corrected rosters not published yet; the closer retries');
      });
    }
    return buildSnapshot((await this.auctions.view(this.database.db, auctionId))!, this.clock.now());
  }
}
