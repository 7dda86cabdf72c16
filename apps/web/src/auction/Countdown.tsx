import type { AuctionStatus, CurrentLot } from '@auction/contracts';
import { useEffect, useRef, useState } from 'react';
import { formatCountdown } from '../lib/format';
import type { ServerClock } from './clock';
import { useRemaining } from './countdown';

const THRESHOLDS_S = [30, 10, 5];

interface Props {
  lot: Pick<CurrentLot, 'id' | 'endsAt' | 'remainingMs'> | null;
  status: AuctionStatus | undefined;
  clock: ServerClock;
  /** The league's bid timer, for the bar; optional. */
  timerSeconds?: number;
}

/** The lot's countdown by the server clock, with spoken warnings at 30, 10 and 5 seconds. */
export function Countdown({ lot, status, clock, timerSeconds }: Props) {
  const left = useRemaining(lot, status, clock);
  const [warning, setWarning] = useState('');
  const announced = useRef<{ key: string; threshold: number }>({ key: '', threshold: Infinity });

  const key = `${lot?.id ?? ''}|${lot?.endsAt ?? ''}`;
  useEffect(() => {
    if (left === null || status !== 'live') return;
    const seconds = left / 1000;
    if (announced.current.key !== key) {
      // New lot or a new deadline (a bid or anti-snipe extension): re-arm the warnings.
      const passed = THRESHOLDS_S.filter((t) => t >= seconds);
      announced.current = { key, threshold: passed.length ? Math.min(...passed) : Infinity };
      return;
    }
    const crossed = THRESHOLDS_S.find((t) => seconds <= t && t < announced.current.threshold);
    if (crossed !== undefined && seconds > 0) {
      announced.current.threshold = crossed;
      setWarning(`${crossed} seconds left`);
    }
  }, [left, key, status]);

  if (!lot || left === null) {
    return (
      <div className="countdown idle" data-testid="countdown" data-remaining-ms="">
        <span className="countdown-value">–</span>
      </div>
    );
  }

  const urgent = status === 'live' && left < 10_000;
  const fraction = timerSeconds ? Math.min(1, left / (timerSeconds * 1000)) : null;
  return (
    <div
      className={`countdown${urgent ? ' urgent' : ''}${status === 'paused' ? ' paused' : ''}`}
      data-testid="countdown"
      data-remaining-ms={Math.round(left)}
      data-ends-at={lot.endsAt ?? ''}
    >
      <span className="countdown-label">{status === 'paused' ? 'Paused' : left <= 0 ? 'Closing' : 'Time left'}</span>
      <span className="countdown-value" role="timer" aria-label={`${Math.ceil(left / 1000)} seconds left`}>
        {formatCountdown(left)}
      </span>
      {fraction !== null && (
        <span className="countdown-bar" aria-hidden="true">
          <span style={{ transform: `scaleX(${fraction})` }} />
        </span>
      )}
      <span className="visually-hidden" aria-live="assertive" data-testid="countdown-announcement">
        {warning}
      </span>
    </div>
  );
}
