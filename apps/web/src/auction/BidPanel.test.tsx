import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ANN, BOB, lot, manager, settings, snapshot } from '../test/fixtures';
import type { BidContext } from './bidRules';
import { BidPanel } from './BidPanel';

afterEach(cleanup);

function ctx(overrides: Partial<BidContext> = {}): BidContext {
  return {
    snapshot: snapshot({
      currentLot: lot({ highBid: 10, highBidderId: BOB }),
      managers: [manager(ANN, { maxBid: 18, budgetRemaining: 20 }), manager(BOB)],
    }),
    myUserId: ANN,
    connected: true,
    remainingMs: null,
    assetWord: 'Club',
    ...overrides,
  };
}

const button = (testId: string) => screen.getByTestId(testId) as HTMLButtonElement;

describe('BidPanel', () => {
  it('shows my budget and max bid, and bids the quick amounts', () => {
    const onBid = vi.fn();
    render(<BidPanel ctx={ctx()} status={{ state: 'idle' }} outbid={null} onBid={onBid} />);
    expect(screen.getByTestId('my-budget').textContent).toBe('£20m');
    expect(screen.getByTestId('my-max-bid').textContent).toBe('£18m');
    expect(button('bid-min').textContent).toContain('£11m');
    expect(button('bid-plus-5').textContent).toContain('£15m');
    fireEvent.click(button('bid-min'));
    fireEvent.click(button('bid-plus-5'));
    expect(onBid.mock.calls).toEqual([
      [11, 'lot-1'],
      [15, 'lot-1'],
    ]);
  });

  it('disables a quick bid over my max bid and says why', () => {
    render(<BidPanel ctx={ctx()} status={{ state: 'idle' }} outbid={null} onBid={vi.fn()} />);
    expect(button('bid-plus-10').disabled).toBe(true); // £20m > £18m
    expect(button('bid-min').disabled).toBe(false);
    expect(screen.getByTestId('bid-disabled-reason').textContent).toBe('That’s over your max bid of £18m.');
  });

  it.each([
    ['paused', { snapshot: snapshot({ status: 'paused' }) }, 'The auction is paused'],
    ['not a manager', { myUserId: 'watcher' }, 'only managers in this league can bid'],
    [
      'roster full',
      {
        snapshot: snapshot({
          settings: settings({ rosterSize: 1 }),
          managers: [manager(ANN, { roster: [{ asset: lot().asset, price: 5, lotId: 'lot-0' }] })],
        }),
      },
      'Your squad is full',
    ],
    ['offline', { connected: false }, 'You’re offline'],
  ] as const)('disables everything when %s', (_name, overrides, reason) => {
    render(<BidPanel ctx={ctx(overrides as Partial<BidContext>)} status={{ state: 'idle' }} outbid={null} onBid={vi.fn()} />);
    for (const id of ['bid-min', 'bid-plus-5', 'bid-plus-10', 'bid-custom-submit']) expect(button(id).disabled).toBe(true);
    expect(screen.getByTestId('bid-disabled-reason').textContent).toContain(reason);
  });

  it('checks a custom amount before sending it', () => {
    const onBid = vi.fn();
    render(<BidPanel ctx={ctx()} status={{ state: 'idle' }} outbid={null} onBid={onBid} />);
    const input = screen.getByTestId('bid-custom-amount');
    fireEvent.change(input, { target: { value: '10' } });
    expect(screen.getByTestId('bid-custom-reason').textContent).toBe('The next bid must be at least £11m.');
    expect(button('bid-custom-submit').disabled).toBe(true);
    fireEvent.change(input, { target: { value: '13' } });
    expect(screen.getByTestId('bid-custom-reason').textContent).toBe('');
    fireEvent.click(button('bid-custom-submit'));
    expect(onBid).toHaveBeenCalledWith(13, 'lot-1');
  });

  it('shows the server time of an accepted bid and blocks double taps while sending', () => {
    const { rerender } = render(
      <BidPanel ctx={ctx()} status={{ state: 'sending', amount: 11, attempt: 1 }} outbid={null} onBid={vi.fn()} />,
    );
    expect(button('bid-min').disabled).toBe(true);
    expect(screen.getByTestId('bid-status').textContent).toBe('Sending your bid of £11m…');
    rerender(
      <BidPanel
        ctx={ctx()}
        status={{ state: 'accepted', amount: 11, serverTime: '2026-01-01T12:00:29.512Z', seq: 12, lotId: 'lot-1' }}
        outbid={null}
        onBid={vi.fn()}
      />,
    );
    expect(screen.getByTestId('bid-status').textContent).toMatch(/^Your bid of £11m was accepted at \d\d:\d\d:29\.512 \(server time\)\.$/);
  });

  it('shows an unmistakable outbid state instead of the accepted line once someone else leads', () => {
    render(
      <BidPanel
        ctx={ctx()}
        status={{ state: 'accepted', amount: 5, serverTime: '2026-01-01T12:00:29.512Z', seq: 12, lotId: 'lot-1' }}
        outbid={{ by: 'Bob', amount: 6 }}
        onBid={vi.fn()}
      />,
    );
    const line = screen.getByTestId('bid-status');
    expect(line.textContent).toBe('Outbid — Bob bid £6m');
    expect(line.getAttribute('data-state')).toBe('outbid');
    expect(line.className).toContain('warning');
  });
});
