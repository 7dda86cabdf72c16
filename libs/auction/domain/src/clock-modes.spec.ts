import { describe, expect, it } from 'vitest';
import { deadlineAfterAcceptedBid, type ClockSettings } from './clock-modes.js';

const at = (seconds: string) => new Date(`2025-08-01T12:00:${seconds}Z`);
const extend: ClockSettings = { clockMode: 'extend', antiSnipeSeconds: 10, raiseSeconds: 5 };
const reset: ClockSettings = { clockMode: 'reset', antiSnipeSeconds: 10, raiseSeconds: 5 };

describe('deadlineAfterAcceptedBid', () => {
  it('follows the anti-snipe rule in extend mode', () => {
    expect(deadlineAfterAcceptedBid(at('30.000'), at('15.000'), extend)).toEqual(at('30.000'));
    expect(deadlineAfterAcceptedBid(at('30.000'), at('27.500'), extend)).toEqual(at('37.500'));
  });

  it('sets the deadline to serverTime + raiseSeconds in reset mode, even when that is earlier', () => {
    expect(deadlineAfterAcceptedBid(at('30.000'), at('02.000'), reset)).toEqual(at('07.000'));
    expect(deadlineAfterAcceptedBid(at('30.000'), at('28.250'), reset)).toEqual(at('33.250'));
  });
});
