import { describe, expect, it } from 'vitest';
import { deadlineAfterBid, pausedRemainingMs, remainingMs, resumedDeadline } from './deadlines.js';

const at = (iso: string) => new Date(`2025-08-01T12:00:${iso}Z`);

describe('deadlineAfterBid', () => {
  it('leaves the deadline when more than the anti-snipe window is left', () => {
    expect(deadlineAfterBid(at('30.000'), at('15.000'), 10)).toEqual(at('30.000'));
  });

  it('leaves the deadline when exactly the window is left', () => {
    expect(deadlineAfterBid(at('30.000'), at('20.000'), 10)).toEqual(at('30.000'));
  });

  it('moves the deadline to serverTime + window when less is left', () => {
    expect(deadlineAfterBid(at('30.000'), at('27.500'), 10)).toEqual(at('37.500'));
  });

  it('never moves with a zero window', () => {
    expect(deadlineAfterBid(at('30.000'), at('29.999'), 0)).toEqual(at('30.000'));
  });

  it('does not hand back the caller’s Date object', () => {
    const endsAt = at('30.000');
    expect(deadlineAfterBid(endsAt, at('00.000'), 10)).not.toBe(endsAt);
  });
});

describe('pause and resume', () => {
  it('freezes the remaining time and restores it from the resume time', () => {
    const frozen = pausedRemainingMs(at('30.000'), at('21.750'));
    expect(frozen).toBe(8250);
    expect(resumedDeadline(frozen, at('50.000'))).toEqual(new Date('2025-08-01T12:00:58.250Z'));
  });

  it('freezes 0 when paused after the deadline', () => {
    expect(pausedRemainingMs(at('30.000'), at('31.000'))).toBe(0);
    expect(resumedDeadline(-5, at('40.000'))).toEqual(at('40.000'));
  });

  it('reports 0 remaining without a deadline', () => {
    expect(remainingMs(null, at('00.000'))).toBe(0);
    expect(remainingMs(at('05.000'), at('00.000'))).toBe(5000);
  });
});
