import type { ClockMode } from '@auction/contracts';
import { deadlineAfterBid } from './deadlines.js';

export interface ClockSettings {
  clockMode: ClockMode;
  antiSnipeSeconds: number;
  raiseSeconds: number;
}

/**
 * The lot's deadline after a bid accepted at `serverTime`. `extend`: the anti-snipe rule.
 * `reset`: serverTime + raiseSeconds, earlier or later than before (a long first window
 * followed by short raise windows). A lot's opening deadline is its bid timer in both modes.
 */
export function deadlineAfterAcceptedBid(endsAt: Date, serverTime: Date, clock: ClockSettings): Date {
  if (clock.clockMode === 'reset') return new Date(serverTime.getTime() + clock.raiseSeconds * 1000);
  return deadlineAfterBid(endsAt, serverTime, clock.antiSnipeSeconds);
}
