import { z } from 'zod';
import type { LotAsset } from './auctions.js';
import { seqCursor } from './text.js';

/** `POST /api/auctions/:id/lots/:lotId/reassign`: the sale moves to `userId` at `price`. */
export const reassignSaleRequest = z.strictObject({
  userId: z.uuid(),
  price: z.number().int().min(1).max(1_000_000),
});
export type ReassignSaleRequest = z.infer<typeof reassignSaleRequest>;

/** Event `lot:undone`. */
export interface LotUndone {
  auctionId: string;
  lotId: string;
  asset: LotAsset;
  previousWinnerId: string;
  refund: number;
  seq: number;
}

/** Event `lot:reassigned`. */
export interface LotReassigned {
  auctionId: string;
  lotId: string;
  asset: LotAsset;
  fromUserId: string;
  toUserId: string;
  price: number;
  seq: number;
}

export const AUDIT_ACTIONS = ['start', 'pause', 'resume', 'end', 'reschedule', 'undo', 'reassign'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What each control action records, enough to write "Alice undid the sale of Arsenal to Bob (£12m refunded)". */
export interface AuditDetails {
  start: Record<string, never>;
  pause: Record<string, never>;
  resume: Record<string, never>;
  end: Record<string, never>;
  /** A scheduled auction moved from `from` to `to` (ISO 8601). */
  reschedule: { from: string; to: string };
  undo: { lotId: string; asset: LotAsset; previousWinnerId: string; refund: number };
  reassign: { lotId: string; asset: LotAsset; fromUserId: string; toUserId: string; previousPrice: number; price: number };
}

/** One entry of `GET /api/auctions/:id/audit`, newest first. */
export type AuditEntry = {
  [A in AuditAction]: { seq: number; at: string; actorId: string; action: A; details: AuditDetails[A] };
}[AuditAction];

/** `GET /api/auctions/:id/audit?limit=&cursor=`: the cursor is the `seq` of the last entry seen. */
export const auditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: seqCursor.optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;
