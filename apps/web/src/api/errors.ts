import type { ErrorCode, Problem } from '@auction/contracts';
import { formatMoney } from '../lib/format';

/** Codes the client produces itself when no server answer is available. */
export type ClientOnlyCode = 'NETWORK_ERROR' | 'TIMEOUT' | 'UNKNOWN';
export type AppErrorCode = ErrorCode | ClientOnlyCode;

export interface MessageContext {
  /** The lowest bid the server would take now (BID_TOO_LOW). */
  minBid?: number;
  /** The caller's max bid (BUDGET_EXCEEDED). */
  maxBid?: number;
  /** Sport word for one asset, e.g. "Club" or "Player". */
  asset?: string;
  /** Seconds from a 429 `Retry-After`. */
  retryAfterSeconds?: number;
}

type MessageFor = (context: MessageContext) => string;

const lower = (word: string | undefined, fallback: string): string => (word ?? fallback).toLowerCase();

/**
 * One plain sentence for every code of the contract (and the client's own codes).
 * Typed as a complete record, so a code added to the contract fails the type check here.
 */
export const ERROR_MESSAGES: Record<AppErrorCode, MessageFor> = {
  VALIDATION_FAILED: () => 'Some details aren’t quite right — check the form and try again.',
  CSV_INVALID: () => 'Some rows in the file need fixing, so nothing was saved. See the lines below.',
  UNAUTHORIZED: () => 'Please sign in to continue.',
  TOKEN_EXPIRED: () => 'That sign-in link has expired — ask for a new one.',
  TOKEN_USED: () => 'That sign-in link has already been used — ask for a new one.',
  TOKEN_INVALID: () => 'That sign-in link doesn’t work — ask for a new one.',
  TOKEN_REVOKED: () => 'You were signed out — please sign in again.',
  FORBIDDEN: () => 'You don’t have access to this.',
  NOT_FOUND: () => 'We couldn’t find that — it may have been removed or the link is wrong.',
  NOT_A_MEMBER: () => 'You’re not in this league yet — ask the commissioner for the invite link.',
  NOT_A_MANAGER: () => 'Only managers in this league can bid.',
  NOT_COMMISSIONER: () => 'Only the league’s commissioner can do that.',
  RATE_LIMITED: ({ retryAfterSeconds }) =>
    retryAfterSeconds && retryAfterSeconds > 0
      ? `Too many tries — wait a moment (about ${Math.ceil(retryAfterSeconds)} s) and try again.`
      : 'Too many tries — wait a moment and try again.',
  PAYLOAD_TOO_LARGE: () => 'That file is too big — split it into smaller files.',
  UNSUPPORTED_MEDIA_TYPE: () => 'That kind of file can’t be used here — upload a .csv file.',
  CONFLICT: () => 'Something changed while you were looking — refresh and try again.',
  LEAGUE_FULL: () => 'This league is full — no more managers can join.',
  AUCTION_STARTED: () => 'The auction has already started, so this can’t be changed or joined now.',
  AUCTION_EXISTS: () => 'This league’s auction has already been started.',
  NOT_ENOUGH_MANAGERS: () => 'Not enough managers have joined yet to start the auction.',
  SPORT_DISABLED: () => 'That sport isn’t available right now.',
  BID_TOO_LOW: ({ minBid }) =>
    minBid !== undefined
      ? `Someone bid that already — the next bid must be at least ${formatMoney(minBid)}.`
      : 'Someone bid that already — bid a little higher.',
  LOT_CLOSED: ({ asset }) => `Bidding on this ${lower(asset, 'lot')} has closed.`,
  AUCTION_PAUSED: () => 'The auction is paused — bidding opens again when it resumes.',
  AUCTION_NOT_LIVE: () => 'The auction isn’t running right now.',
  AUCTION_NOT_STARTED: () => 'The auction hasn’t started yet — bidding opens with the first lot.',
  NOT_YOUR_TURN: () => 'It isn’t your turn to nominate — wait for yours.',
  ASSET_UNAVAILABLE: ({ asset }) => `That ${lower(asset, 'lot')} can’t be nominated — it’s sold, on sale now or not in this auction.`,
  AUCTION_COMPLETED: () => 'The auction has finished.',
  BUDGET_EXCEEDED: ({ maxBid }) =>
    maxBid !== undefined ? `That’s more than you can spend — your max bid is ${formatMoney(maxBid)}.` : 'That’s more than you can spend.',
  ROSTER_FULL: () => 'Your squad is full.',
  SERVICE_UNAVAILABLE: () => 'The service is busy right now — try again in a moment.',
  INTERNAL: () => 'Something went wrong on our side — try again in a moment.',
  NETWORK_ERROR: () => 'You seem to be offline — check your connection and try again.',
  TIMEOUT: () => 'The server took too long to answer — try again.',
  UNKNOWN: () => 'Something went wrong — try again.',
};

export function isAppErrorCode(code: unknown): code is AppErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, code);
}

/** A friendly sentence for any code; unknown codes never leak to the user. */
export function messageForCode(code: unknown, context: MessageContext = {}): string {
  return isAppErrorCode(code) ? ERROR_MESSAGES[code](context) : ERROR_MESSAGES.UNKNOWN(context);
}

export interface RowError {
  line: number;
  message: string;
}

/** An error answer from the API (RFC 9457 problem+json) or the network. */
export class ApiError extends Error {
  readonly code: AppErrorCode;
  readonly status: number;
  readonly retryAfterSeconds: number | undefined;
  readonly rowErrors: RowError[];
  readonly problem: Partial<Problem> | undefined;

  constructor(code: AppErrorCode, status: number, options: { retryAfterSeconds?: number; problem?: Partial<Problem> } = {}) {
    super(code);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.problem = options.problem;
    this.rowErrors = (options.problem?.errors ?? [])
      .filter((e): e is { line: number; message: string } => typeof e.line === 'number')
      .map(({ line, message }) => ({ line, message }));
  }

  friendly(context: MessageContext = {}): string {
    return messageForCode(this.code, { retryAfterSeconds: this.retryAfterSeconds, ...context });
  }
}

/** The user-facing sentence for anything thrown. Never shows a raw technical message. */
export function describeError(error: unknown, context: MessageContext = {}): string {
  if (error instanceof ApiError) return error.friendly(context);
  if (error && typeof error === 'object' && 'code' in error) return messageForCode(error.code, context);
  return ERROR_MESSAGES.UNKNOWN(context);
}

/** HTTP status without a usable `code` in the body → the closest contract code. */
export function codeForStatus(status: number): AppErrorCode {
  switch (status) {
    case 400:
    case 422:
      return 'VALIDATION_FAILED';
    case 401:
      return 'UNAUTHORIZED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'RATE_LIMITED';
    case 502:
    case 503:
    case 504:
      return 'SERVICE_UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL' : 'UNKNOWN';
  }
}

/** The server's own sentence for one field of a refused form, else the code's sentence. */
export function describeFieldError(error: unknown, path: string): string {
  const field = error instanceof ApiError ? error.problem?.errors?.find((e) => e.path === path) : undefined;
  return field?.message ?? describeError(error);
}
