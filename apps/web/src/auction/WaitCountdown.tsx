import { formatWait } from '../lib/format';
import type { ServerClock } from './clock';
import { useRemaining } from './countdown';

interface Props {
  /** When the wait ends (ISO, server time). */
  until: string;
  clock: ServerClock;
  testId: string;
}

/** Time left until a start or the next lot, by the server clock. */
export function WaitCountdown({ until, clock, testId }: Props) {
  const left = useRemaining({ endsAt: until, remainingMs: 0 }, 'live', clock) ?? 0;
  return (
    <span className="wait-countdown" role="timer" data-testid={testId} data-remaining-ms={Math.round(left)}>
      {formatWait(left)}
    </span>
  );
}
