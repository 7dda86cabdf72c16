import type { ErrorCode } from '@auction/contracts';
import { checkBid, type AuctionStatus, type Bidder, type BidRefusalCode, type BidSettings } from './bid-rules.js';
import { isAvailable, type PoolState } from './pool.js';

/** The refusals of SPEC §8 that only a nomination can meet. */
export type TurnRefusalCode = Extract<ErrorCode, 'NOT_YOUR_TURN' | 'ASSET_UNAVAILABLE'>;
export type NominationRefusalCode = BidRefusalCode | TurnRefusalCode;

export type NominationCheck = { ok: true } | { ok: false; code: NominationRefusalCode; message: string };

/** The turn in progress; null during a lot, a gap or the lead-in. */
export interface Turn {
  userId: string;
  endsAt: Date;
}

export interface NominationInput {
  auctionStatus: AuctionStatus;
  turn: Turn | null;
  nominatorId: string;
  nominator: Bidder;
  pool: PoolState;
  assetId: string;
  amount: number;
  settings: BidSettings;
  now: Date;
}

/** Refusal codes of `checkBid` that come before whose turn it is. */
const BEFORE_TURN = new Set<BidRefusalCode>([
  'VALIDATION_FAILED',
  'NOT_A_MANAGER',
  'AUCTION_COMPLETED',
  'AUCTION_PAUSED',
  'AUCTION_NOT_STARTED',
]);

/**
 * Decides whether a nomination may open a lot. Its amount is judged as the first bid of a lot
 * about to open (at least the opening bid, at most the max bid); the turn and the asset are
 * checked after the bidder and the auction, before the roster and the amount.
 */
export function checkNomination(input: NominationInput): NominationCheck {
  const asOpeningBid = checkBid({
    auctionStatus: input.auctionStatus,
    lot: { status: 'open', endsAt: new Date(input.now.getTime() + 1), highBid: null },
    settings: input.settings,
    bidder: input.nominator,
    amount: input.amount,
    now: input.now,
  });
  if (!asOpeningBid.ok && BEFORE_TURN.has(asOpeningBid.code)) return asOpeningBid;
  return checkTurn(input) ?? checkAsset(input) ?? asOpeningBid;
}

function checkTurn({ turn, nominatorId, now }: NominationInput): NominationCheck | undefined {
  if (turn !== null && turn.userId === nominatorId && now.getTime() < turn.endsAt.getTime()) return undefined;
  return { ok: false, code: 'NOT_YOUR_TURN', message: 'It is not your turn to nominate' };
}

function checkAsset({ pool, assetId }: NominationInput): NominationCheck | undefined {
  if (isAvailable(pool, assetId)) return undefined;
  return {
    ok: false,
    code: 'ASSET_UNAVAILABLE',
    message: 'That asset cannot be nominated: it is not in the pool, or sold, or on sale now',
  };
}
