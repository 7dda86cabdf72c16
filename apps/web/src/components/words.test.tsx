import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import type { Invitation } from '@auction/contracts';
import { plural } from '../lib/format';
import { connectionStore } from '../realtime/socket';
import { ConnectionBadge } from './ConnectionBadge';
import { Points, Rank, tiebreakText } from './LeaderboardWords';
import { InvitationsTable } from '../pages/league/InvitationsPanel';
import AuthCallbackPage from '../pages/AuthCallbackPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('words', () => {
  it('plurals follow the English plural rules: 1 win, 1 pt, 0 pts, 2 goals', () => {
    expect(plural(1, 'win', 'wins')).toBe('1 win');
    expect(plural(0, 'win', 'wins')).toBe('0 wins');
    expect(plural(2, 'goal', 'goals')).toBe('2 goals');
    expect(plural(1500, 'pt', 'pts')).toBe('1,500 pts');
    expect(tiebreakText({ goals: 1, wins: 1 })).toBe('1 goal · 1 win');
    expect(tiebreakText({ catches: 1, stumpings: 0, runOuts: 2 })).toBe('1 catch · 0 stumpings · 2 run-outs');
    render(
      <p data-testid="points">
        <Points points={1} />
      </p>,
    );
    expect(screen.getByTestId('points').textContent).toBe('1 pt');
  });

  it('the connection badge says Connected, not Live', () => {
    render(<ConnectionBadge />);
    act(() => connectionStore.set('connected'));
    expect(screen.getByTestId('connection-state').textContent).toBe('Connected');
    expect(screen.getByTestId('connection-state').textContent).not.toContain('Live');
  });

  it('shows no rank before any match is scored', () => {
    render(
      <>
        <Rank rank={1} scored={false} testId="unscored" />
        <Rank rank={2} scored testId="scored" />
      </>,
    );
    expect(screen.getByTestId('unscored').textContent).toBe('—');
    expect(screen.getByTestId('unscored').getAttribute('aria-label')).toBe('No rank yet');
    expect(screen.getByTestId('scored').textContent).toBe('2');
  });

  it('an invalid sign-in link says so and never mentions a form', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ code: 'VALIDATION_FAILED', title: 'The request is not valid.', status: 422 }), {
            status: 422,
            headers: { 'content-type': 'application/problem+json' },
          }),
      ),
    );
    render(
      <MemoryRouter initialEntries={['/auth/callback?token=cut-short']}>
        <Routes>
          <Route path="/auth/callback" element={<AuthCallbackPage />} />
        </Routes>
      </MemoryRouter>,
    );
    const problem = await screen.findByTestId('link-problem');
    expect(problem.textContent).toContain('This sign-in link isn’t valid');
    expect(screen.getByTestId('auth-callback-error').textContent?.toLowerCase()).not.toContain('form');
  });
});

describe('invitations list', () => {
  const invitation = (email: string, status: Invitation['status']): Invitation => ({
    email,
    status,
    invitedAt: '2026-12-01T10:00:00.000Z',
    expiresAt: '2026-12-08T10:00:00.000Z',
  });

  it('names each status and offers "Send again" only for invitations not yet joined', () => {
    const onResend = vi.fn();
    render(
      <InvitationsTable
        items={[invitation('ann@club.test', 'joined'), invitation('bob@club.test', 'pending'), invitation('cat@club.test', 'expired')]}
        onResend={onResend}
        sending={new Set(['cat@club.test'])}
      />,
    );
    const row = (email: string) => within(screen.getByTestId(`invitation-${email}`));
    expect(row('ann@club.test').getByText('Joined')).toBeTruthy();
    expect(row('ann@club.test').queryByRole('button')).toBeNull();
    expect(row('bob@club.test').getByText('Invited')).toBeTruthy();
    row('bob@club.test').getByRole('button', { name: 'Send the invitation to bob@club.test again' }).click();
    expect(onResend).toHaveBeenCalledWith('bob@club.test');
    expect(row('cat@club.test').getByText('Link expired')).toBeTruthy();
    expect((row('cat@club.test').getByRole('button') as HTMLButtonElement).disabled).toBe(true);
  });
});
