import type { AuctionStatus, CurrentLot } from '@auction/contracts';
import { useEffect, useRef, useState } from 'react';
import { formatCountdown } from '../lib/format';
import type { ServerClock } from './clock';
import { useRemaining } from './countdown';

const THRESHOLDS_S = [30, 10, 5];
/** How long the "+8 s" flash of an extension stays up. */
const FLASH_MS = 2000;
/** The auctioneer's cues in the last seconds of a lot. */
const GOING_ONCE_MS = 5000;
const GOING_TWICE_MS = 2500;

/** "+8 s" each time the deadline of the same lot moves later (an anti-snipe extension). */
function useExtensionFlash(lotId: string | undefined, endsAt: string | null | undefined): { text: string; id: number } | null {
  const previous = useRef<{ lotId: string | undefined; endsAt: number | null }>({ lotId, endsAt: null });
  const [flash, setFlash] = useState<{ text: string; id: number } | null>(null);
  useEffect(() => {
    const at = endsAt ? Date.parse(endsAt) : null;
    const before = previous.current;
    previous.current = { lotId, endsAt: at };
    if (before.lotId !== lotId || before.endsAt === null || at === null || at - before.endsAt < 500) return;
    setFlash((f) => ({ text: `+${Math.round((at - before.endsAt!) / 1000)} s`, id: (f?.id ?? 0) + 1 }));
  }, [lotId, endsAt]);
  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(null), FLASH_MS);
    return () => clearTimeout(timer);
  }, [flash]);
  return flash;
}

function cueFor(left: number, status: AuctionStatus | undefined): string {
  if (status !== 'live' || left <= 0) return '';
  if (left <= GOING_TWICE_MS) return 'Going twice…';
  if (left <= GOING_ONCE_MS) return 'Going once…';
  return '';
}

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
  const flash = useExtensionFlash(lot?.id, lot?.endsAt);
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
  const cue = cueFor(left, status);
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
      {flash && (
        <span key={flash.id} className="extension-flash" data-testid="extension-flash" aria-hidden="true">
          {flash.text}
        </span>
      )}
      <span className="going-cue" data-testid="going-cue" aria-hidden="true">
        {cue}
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
