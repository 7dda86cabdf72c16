import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { clearSession } from './api/session';
import { ErrorBoundary } from './components/ErrorBoundary';

afterEach(() => {
  cleanup();
  window.history.pushState({}, '', '/');
});

describe('App shell', () => {
  it('shows the not-found page for an unknown address', async () => {
    window.history.pushState({}, '', '/no/such/page');
    render(<App />);
    expect(await screen.findByTestId('not-found')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeTruthy();
  });

  it('sends a signed-out visitor from a protected page to sign-in', async () => {
    clearSession();
    window.history.pushState({}, '', '/competitions');
    render(<App />);
    expect(await screen.findByTestId('signin-email')).toBeTruthy();
    expect(window.location.pathname).toBe('/sign-in');
    expect(localStorage.getItem('auction.nextPath')).toBe('/competitions');
    expect(screen.getByRole('button', { name: 'Email me a sign-in link' })).toBeTruthy();
  });

  it('the error boundary shows a friendly page instead of a blank screen', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    function Broken(): never {
      throw new Error('Cannot read properties of undefined (reading "x")');
    }
    render(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    );
    const fallback = screen.getByTestId('error-boundary');
    expect(fallback.textContent).toContain('Something went wrong');
    expect(fallback.textContent).not.toContain('Cannot read');
    spy.mockRestore();
  });
});
