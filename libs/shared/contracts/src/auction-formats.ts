import { z } from 'zod';
import type { AcceptedBid, CurrentLot } from './auctions.js';
import { text } from './text.js';

/** Ranges of the format settings of SPEC §8 (`raiseSeconds` is also at most `bidTimerSeconds`). */
export const FORMAT_LIMITS = {
  nominationSeconds: { min: 5, max: 300 },
  raiseSeconds: { min: 3, max: 120 },
} as const;

export const NOMINATION_MODES = ['order', 'managers'] as const;
export type NominationMode = (typeof NOMINATION_MODES)[number];

export const CLOCK_MODES = ['extend', 'reset'] as const;
export type ClockMode = (typeof CLOCK_MODES)[number];

/** The format settings a league starts with when the body leaves them out. */
export const FORMAT_DEFAULTS: FormatSettings = {
  nominationMode: 'order',
  nominationSeconds: 30,
  clockMode: 'extend',
  raiseSeconds: 10,
};

export interface FormatSettings {
  nominationMode: NominationMode;
  /** Time a nominator has before the lot is nominated for them. */
  nominationSeconds: number;
  clockMode: ClockMode;
  /** The raise window of the `reset` clock. */
  raiseSeconds: number;
}

const seconds = ({ min, max }: { min: number; max: number }) => z.number().int().min(min).max(max);

/** Flat fields of the league create / edit body, to spread beside the others; omitted fields take `FORMAT_DEFAULTS`. */
export const formatSettingsFields = {
  nominationMode: z.enum(NOMINATION_MODES).optional(),
  nominationSeconds: seconds(FORMAT_LIMITS.nominationSeconds).optional(),
  clockMode: z.enum(CLOCK_MODES).optional(),
  raiseSeconds: seconds(FORMAT_LIMITS.raiseSeconds).optional(),
};

/**
 * How long a queue may be. The contract sets no bound; a queue is a short list of preferences
 * (the largest roster has 50 slots), and a bound keeps the stored row and the answer small.
 */
export const MAX_QUEUE_LENGTH = 100;

const assetIds = z.array(z.uuid()).max(MAX_QUEUE_LENGTH);

/** `PUT /api/auctions/:id/queue`: the caller's whole queue, first choice first (duplicates and ids outside the pool are refused by the engine, which knows the pool). */
export const putQueueRequest = z.strictObject({ assetIds });
export type PutQueueRequest = z.infer<typeof putQueueRequest>;

/** In `order` mode, when a queued asset comes up. */
export interface QueueWatchEntry {
  assetId: string;
  /** Lots that open before this one (0 = the next to open); null once it has been put up. */
  lotsBefore: number | null;
}

/** `GET` and `PUT /api/auctions/:id/queue` answer; `watchlist` in `order` mode only, in queue order. */
export interface AuctionQueue {
  assetIds: string[];
  watchlist?: QueueWatchEntry[];
}

const amount = z.number().int().min(1).max(1_000_000);

/** `POST /api/auctions/:id/nominations`: open a lot for `assetId` with the nominator's first bid. */
export const nominationRequest = z.strictObject({
  assetId: z.uuid(),
  amount,
  clientBidId: text({ min: 1, max: 100 }),
});
export type NominationRequest = z.infer<typeof nominationRequest>;

/** Socket `lot:nominate`. */
export const socketNomination = nominationRequest.extend({ auctionId: z.uuid() });
export type SocketNomination = z.infer<typeof socketNomination>;

/** The turn in progress, in the snapshot's `nomination` (null outside a turn). */
export interface NominationTurn {
  userId: string;
  endsAt: string;
  remainingMs: number;
}

/** Event `nomination:turn`: a turn starts. */
export interface NominationTurnEvent {
  auctionId: string;
  userId: string;
  endsAt: string;
  seq: number;
}

/** What `lot:opened` carries beyond SPEC §5 when managers nominate. */
export interface NominatedLot extends CurrentLot {
  nominatedBy: string;
  /** True when the clock ran out and the engine nominated for the manager. */
  auto: boolean;
}

/** 201 answer of `POST /api/auctions/:id/nominations` (the `lot:nominate` ack adds `ok: true`). */
export interface NominationAnswer {
  lot: NominatedLot;
  bid: AcceptedBid;
}

/** What the snapshot carries beyond SPEC §4 for the formats of SPEC §8. */
export interface FormatSnapshotFields {
  nomination: NominationTurn | null;
  /** The managers' turn order (user ids) in `managers` mode; empty in `order` mode. */
  turnOrder: string[];
}
