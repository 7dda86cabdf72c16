import type { BidAccepted, CurrentLot } from '@auction/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Outbid } from './BidPanel';
import type { BidStatus } from './useRoomBid';

const SOUND_KEY = 'auction.outbidSound';

/** Someone else leads a lot I bid on: who, and how much. */
export function outbidOf(
  lot: CurrentLot | null,
  myUserId: string | null,
  bidStatus: BidStatus,
  liveBids: BidAccepted[],
  nameOf: (userId: string | null) => string,
): Outbid | null {
  if (!lot || !myUserId || lot.highBid === null || !lot.highBidderId || lot.highBidderId === myUserId) return null;
  const iBid =
    (bidStatus.state === 'accepted' && bidStatus.lotId === lot.id) || liveBids.some((b) => b.lotId === lot.id && b.bidderId === myUserId);
  return iBid ? { by: nameOf(lot.highBidderId), amount: lot.highBid } : null;
}

/** The outbid sound, off unless the user turns it on (kept on this device). */
export function useOutbidSound(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => {
    try {
      return localStorage.getItem(SOUND_KEY) === 'on';
    } catch {
      return false;
    }
  });
  const set = useCallback((value: boolean) => {
    setOn(value);
    try {
      localStorage.setItem(SOUND_KEY, value ? 'on' : 'off');
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);
  return [on, set];
}

function beep(): void {
  const Context = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Context) return;
  const audio = new Context();
  const tone = audio.createOscillator();
  const gain = audio.createGain();
  tone.frequency.value = 880;
  gain.gain.setValueAtTime(0.2, audio.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.25);
  tone.connect(gain).connect(audio.destination);
  tone.start();
  tone.stop(audio.currentTime + 0.25);
  tone.onended = () => void audio.close();
}

/** Each new outbid buzzes the phone where it can, and beeps when the sound is on. */
export function useOutbidAlert(outbid: Outbid | null, soundOn: boolean): void {
  const last = useRef<string | null>(null);
  const key = outbid ? `${outbid.by}:${outbid.amount}` : null;
  useEffect(() => {
    if (!key || key === last.current) {
      last.current = key;
      return;
    }
    last.current = key;
    navigator.vibrate?.([120, 60, 120]);
    if (soundOn) beep();
  }, [key, soundOn]);
}
