import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { League } from '@auction/contracts';
import { SettingsEditor } from './SettingsEditor';

const league: League = {
  id: '00000000-0000-4000-8000-000000000002',
  name: 'Riverside',
  sport: 'football',
  competition: 'EPL',
  assetIds: [],
  budget: 500,
  rosterSize: 3,
  minManagers: 2,
  maxManagers: 20,
  openingBid: 1,
  minIncrement: 1,
  bidTimerSeconds: 30,
  antiSnipeSeconds: 10,
  lotGapSeconds: 3,
  leadInSeconds: 10,
  nominationOrder: 'random',
  scoringRules: { win: 3, draw: 1, goal: 1 } as League['scoringRules'],
  status: 'open',
  commissionerId: '00000000-0000-4000-8000-00000000a001',
  auctionId: null,
  members: [],
  createdAt: '2026-12-01T10:00:00.000Z',
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('league settings editor', () => {
  it('catches an anti-snipe longer than the timer and sends nothing', () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    render(<SettingsEditor league={league} words={{ asset: 'Club', assets: 'Clubs' }} onSaved={vi.fn()} onCancel={vi.fn()} />);
    fireEvent.change(screen.getByTestId('setting-antiSnipeSeconds'), { target: { value: '40' } });
    fireEvent.click(screen.getByTestId('settings-save'));
    expect(screen.getByText("The anti-snipe time (40 seconds) can't be longer than the bid timer (30 seconds).")).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends only what changed and hands back the saved league', async () => {
    const saved = { ...league, bidTimerSeconds: 20 };
    const fetchMock = vi.fn(
      async () => new Response(JSON.stringify(saved), { status: 200, headers: { 'content-type': 'application/json' } }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const onSaved = vi.fn();
    render(<SettingsEditor league={league} words={{ asset: 'Club', assets: 'Clubs' }} onSaved={onSaved} onCancel={vi.fn()} />);
    fireEvent.change(screen.getByTestId('setting-bidTimerSeconds'), { target: { value: '20' } });
    fireEvent.click(screen.getByTestId('settings-save'));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toContain(`/api/leagues/${league.id}`);
    expect(init.method).toBe('PATCH');
    expect(JSON.parse(String(init.body))).toEqual({ bidTimerSeconds: 20 });
  });
});
