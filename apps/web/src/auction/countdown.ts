import type { AuctionStatus, CurrentLot } from '@auction/contracts';
import { useEffect, useState } from 'react';
import type { ServerClock } from './clock';

/** Time left on a lot by the server's clock; frozen while paused. */
export function remainingMs(
  lot: Pick<CurrentLot, 'endsAt' | 'remainingMs'> | null | undefined,
  status: AuctionStatus | undefined,
  clock: Pick<ServerClock, 'msUntil'>,
): number | null {
  if (!lot) return null;
  if (status === 'completed') return 0;
  if (status === 'paused' || !lot.endsAt) return Math.max(0, lot.remainingMs);
  return Math.max(0, clock.msUntil(lot.endsAt));
}

/** Re-render every `intervalMs` while `active`, returning the time left. */
export function useRemaining(
  lot: Pick<CurrentLot, 'endsAt' | 'remainingMs'> | null | undefined,
  status: AuctionStatus | undefined,
  clock: ServerClock,
  intervalMs = 100,
): number | null {
  const [, setTick] = useState(0);
  const running = !!lot?.endsAt && status === 'live';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setTick((t) => t + 1), intervalMs);
    const unsubscribe = clock.subscribe(() => setTick((t) => t + 1));
    return () => {
      clearInterval(timer);
      unsubscribe();
    };
  }, [running, intervalMs, clock]);
  return remainingMs(lot, status, clock);
}

/** True once the lot's deadline has passed by the server clock (one timer, no ticking). */
export function useDeadlinePassed(
  lot: Pick<CurrentLot, 'endsAt' | 'remainingMs'> | null | undefined,
  status: AuctionStatus | undefined,
  clock: ServerClock,
): boolean {
  const compute = () => {
    const left = remainingMs(lot, status, clock);
    return left !== null && left <= 0 && status === 'live';
  };
  const [passed, setPassed] = useState(compute);
  useEffect(() => {
    setPassed(compute());
    if (!lot?.endsAt || status !== 'live') return;
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      clearTimeout(timer);
      const left = clock.msUntil(lot.endsAt!);
      if (left <= 0) setPassed(true);
      else {
        setPassed(false);
        timer = setTimeout(arm, Math.min(left + 5, 60_000));
      }
    };
    arm();
    const unsubscribe = clock.subscribe(arm);
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lot?.endsAt, lot?.remainingMs, status, clock]);
  return passed;
}
