import type { ErrorCode, NominationMode } from '@auction/contracts';
import { bidderMaxBid, type AuctionStatus, type BidSettings, type LotStatus } from './bid-rules.js';

/** A manager's money and roster as a correction changes them. */
export interface ManagerBooks {
  userId: string;
  isManager: boolean;
  budgetRemaining: number;
  spent: number;
  rosterCount: number;
}

export interface CorrectedLot {
  status: LotStatus;
  winnerId: string | null;
  price: number | null;
}

export interface CorrectionContext {
  auctionStatus: AuctionStatus;
  isCommissioner: boolean;
  lot: CorrectedLot;
}

export type CorrectionRefusalCode = Extract<
  ErrorCode,
  | 'VALIDATION_FAILED'
  | 'NOT_COMMISSIONER'
  | 'AUCTION_NOT_STARTED'
  | 'CONFLICT'
  | 'NOT_A_MANAGER'
  | 'ROSTER_FULL'
  | 'BID_TOO_LOW'
  | 'BUDGET_EXCEEDED'
>;

export interface CorrectionRefusal {
  ok: false;
  code: CorrectionRefusalCode;
  message: string;
}

export interface UndoneSale {
  ok: true;
  refund: number;
  /** The previous winner's books after the refund. */
  previousWinner: ManagerBooks;
  /** In `order` mode of a running auction the asset opens again after the last lot; otherwise it only returns to the pool. */
  reopensAtEnd: boolean;
}

export interface ReassignedSale {
  ok: true;
  /** The books of every manager the move touches: the previous winner, then the new one (one entry when they are the same). */
  books: ManagerBooks[];
}

function refuse(code: CorrectionRefusalCode, message: string): CorrectionRefusal {
  return { ok: false, code, message };
}

/** The commissioner corrects sales of a live, paused or completed auction. */
function checkCorrectable({ auctionStatus, isCommissioner, lot }: CorrectionContext): CorrectionRefusal | undefined {
  if (!isCommissioner) return refuse('NOT_COMMISSIONER', 'Only the commissioner can correct a sale');
  if (auctionStatus === 'scheduled') return refuse('AUCTION_NOT_STARTED', 'The auction has not started yet');
  if (lot.status !== 'sold' || lot.winnerId === null || lot.price === null) return refuse('CONFLICT', 'Only a sold lot can be corrected');
  return undefined;
}

/** Undoing a sale refunds the winner and frees the slot; every other sale stays as it was. */
export function undoSale(context: CorrectionContext & { winner: ManagerBooks; mode: NominationMode }): UndoneSale | CorrectionRefusal {
  const refused = checkCorrectable(context);
  if (refused) return refused;
  const refund = context.lot.price ?? 0;
  return {
    ok: true,
    refund,
    previousWinner: withoutSale(context.winner, refund),
    reopensAtEnd: context.mode === 'order' && context.auctionStatus !== 'completed',
  };
}

export interface ReassignInput extends CorrectionContext {
  /** Books of the current winner and of the new owner (the same manager to correct only the price). */
  from: ManagerBooks;
  to: ManagerBooks | null;
  price: number;
  settings: BidSettings;
}

/**
 * Moving a sale: the previous winner is refunded, the new owner pays `price`. The new owner
 * must be a manager with room, and the price a bid they could have made: at least the opening
 * bid, at most their max bid once the previous sale is taken back.
 */
export function reassignSale(input: ReassignInput): ReassignedSale | CorrectionRefusal {
  if (!Number.isSafeInteger(input.price) || input.price < 1)
    return refuse('VALIDATION_FAILED', 'A price must be a whole number greater than 0');
  const refused = checkCorrectable(input);
  if (refused) return refused;
  const { from, to, price, settings } = input;
  if (to === null || !to.isManager) return refuse('NOT_A_MANAGER', 'A sale can only move to a manager of this league');
  const refunded = withoutSale(from, input.lot.price ?? 0);
  const buyer = to.userId === from.userId ? refunded : to;
  if (buyer.rosterCount >= settings.rosterSize) return refuse('ROSTER_FULL', 'That manager’s roster is full');
  if (price < settings.openingBid) return refuse('BID_TOO_LOW', `The price must be at least ${settings.openingBid}`);
  const limit = bidderMaxBid(buyer, settings);
  if (price > limit) return refuse('BUDGET_EXCEEDED', `That manager can pay at most ${limit}, keeping enough budget to fill their roster`);
  const bought = withSale(buyer, price);
  return { ok: true, books: to.userId === from.userId ? [bought] : [refunded, bought] };
}

function withoutSale(books: ManagerBooks, price: number): ManagerBooks {
  return { ...books, budgetRemaining: books.budgetRemaining + price, spent: books.spent - price, rosterCount: books.rosterCount - 1 };
}

function withSale(books: ManagerBooks, price: number): ManagerBooks {
  return { ...books, budgetRemaining: books.budgetRemaining - price, spent: books.spent + price, rosterCount: books.rosterCount + 1 };
}
