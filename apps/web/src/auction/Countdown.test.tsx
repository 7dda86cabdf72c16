import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ServerClock } from './clock';
import { Countdown } from './Countdown';

const START = Date.parse('2026-01-01T12:00:00.000Z');

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const value = () => screen.getByTestId('countdown').querySelector('.countdown-value')!.textContent;
const remaining = () => Number(screen.getByTestId('countdown').getAttribute('data-remaining-ms'));

describe('Countdown', () => {
  it('counts down by the server clock, not the device clock', () => {
    const clock = new ServerClock();
    // The server is 5 s ahead of this device (measured by a 40 ms round trip).
    clock.addRoundTrip(START - 40, START + 5_000 - 20, START);
    const lot = { id: 'l1', endsAt: new Date(START + 5_000 + 30_000).toISOString(), remainingMs: 30_000 };
    render(<Countdown lot={lot} status="live" clock={clock} timerSeconds={30} />);
    expect(remaining()).toBe(30_000);
    expect(value()).toBe('0:30');
    act(() => vi.advanceTimersByTime(20_500));
    expect(remaining()).toBe(9_500);
    expect(value()).toBe('9.5');
  });

  it('announces 10 and 5 seconds left, once each', () => {
    const clock = new ServerClock();
    const lot = { id: 'l1', endsAt: new Date(START + 12_000).toISOString(), remainingMs: 12_000 };
    render(<Countdown lot={lot} status="live" clock={clock} />);
    const announcer = screen.getByTestId('countdown-announcement');
    expect(announcer.textContent).toBe('');
    act(() => vi.advanceTimersByTime(2_100));
    expect(announcer.textContent).toBe('10 seconds left');
    act(() => vi.advanceTimersByTime(5_000));
    expect(announcer.textContent).toBe('5 seconds left');
    act(() => vi.advanceTimersByTime(6_000));
    expect(remaining()).toBe(0);
    expect(screen.getByText('Closing')).toBeTruthy();
  });

  it('freezes while paused', () => {
    const clock = new ServerClock();
    const lot = { id: 'l1', endsAt: new Date(START + 1_000).toISOString(), remainingMs: 12_300 };
    render(<Countdown lot={lot} status="paused" clock={clock} />);
    act(() => vi.advanceTimersByTime(5_000));
    expect(remaining()).toBe(12_300);
    expect(screen.getByText('Paused')).toBeTruthy();
  });
});
