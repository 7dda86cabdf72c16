import { ERROR_STATUS, type ErrorCode } from '@auction/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError, codeForStatus, describeError, ERROR_MESSAGES, messageForCode } from './errors';

const CONTRACT_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

describe('error messages', () => {
  it('has a friendly sentence for every code of the contract', () => {
    const missing = CONTRACT_CODES.filter((code) => !(code in ERROR_MESSAGES));
    expect(missing).toEqual([]);
  });

  it.each(CONTRACT_CODES)('%s reads as plain words, not a technical message', (code) => {
    const text = messageForCode(code);
    expect(text.length).toBeGreaterThan(10);
    expect(text).not.toContain(code);
    expect(text).not.toMatch(/[A-Z]{2,}_[A-Z]/); // no SCREAMING_SNAKE codes
    expect(text).not.toMatch(/\b(error|exception|status|http|4\d\d|5\d\d|null|undefined)\b/i);
    expect(text).not.toBe(messageForCode('UNKNOWN'));
  });

  it('tells the bidder the amount that would win', () => {
    expect(messageForCode('BID_TOO_LOW', { minBid: 42 })).toBe('Someone bid that already — the next bid must be at least £42m.');
    expect(messageForCode('BUDGET_EXCEEDED', { maxBid: 17 })).toContain('£17m');
    expect(messageForCode('LOT_CLOSED', { asset: 'Player' })).toBe('Bidding on this player has closed.');
  });

  it('matches the issue’s wording for the common refusals', () => {
    expect(messageForCode('ROSTER_FULL')).toMatch(/^Your squad is full/);
    expect(messageForCode('RATE_LIMITED')).toMatch(/^Too many tries — wait a moment/);
    expect(new ApiError('RATE_LIMITED', 429, { retryAfterSeconds: 7 }).friendly()).toContain('7 s');
  });

  it('never shows unknown codes or raw errors', () => {
    expect(messageForCode('SOMETHING_NEW')).toBe(ERROR_MESSAGES.UNKNOWN({}));
    expect(describeError(new TypeError('Cannot read properties of undefined'))).toBe(ERROR_MESSAGES.UNKNOWN({}));
    expect(describeError({ code: 'NOT_FOUND', message: 'relation "leagues" does not exist' })).toBe(messageForCode('NOT_FOUND'));
  });

  it('maps a bare HTTP status to the nearest code', () => {
    expect(codeForStatus(429)).toBe('RATE_LIMITED');
    expect(codeForStatus(503)).toBe('SERVICE_UNAVAILABLE');
    expect(codeForStatus(500)).toBe('INTERNAL');
    expect(codeForStatus(404)).toBe('NOT_FOUND');
  });

  it('keeps CSV row errors from a problem answer', () => {
    const error = new ApiError('CSV_INVALID', 422, {
      problem: {
        code: 'CSV_INVALID',
        errors: [
          { line: 3, message: 'Unknown team “Arsnal”' },
          { path: 'x', message: 'ignored' },
        ],
      },
    });
    expect(error.rowErrors).toEqual([{ line: 3, message: 'Unknown team “Arsnal”' }]);
  });
});
