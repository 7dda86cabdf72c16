import type { ReactNode } from 'react';
import { Link, NavLink, useNavigate } from 'react-router-dom';
import { authApi } from '../api/endpoints';
import { clearSession } from '../api/session';
import { isSignedIn, useSession } from '../api/useSession';
import { closeSocketLazily } from '../realtime/close';

export function Layout({ children }: { children: ReactNode }) {
  const session = useSession();
  const navigate = useNavigate();
  const signedIn = isSignedIn(session);

  async function signOut() {
    try {
      await authApi.logout();
    } catch {
      // Signing out locally is what matters; the server session expires on its own.
    }
    clearSession();
    closeSocketLazily();
    navigate('/sign-in');
  }

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to={signedIn ? '/competitions' : '/'} className="brand" aria-label="Club Auction home">
          <span aria-hidden="true" className="brand-mark">
            £
          </span>
          <span className="brand-name">Club Auction</span>
        </Link>
        <nav aria-label="Main">
          <ul>
            {signedIn && (
              <li>
                <NavLink to="/competitions" data-testid="nav-competitions">
                  My competitions
                </NavLink>
              </li>
            )}
            <li>
              <NavLink to="/help" data-testid="nav-help">
                Help
              </NavLink>
            </li>
            {signedIn ? (
              <>
                <li className="nav-profile-item">
                  <NavLink to="/profile" data-testid="nav-profile">
                    {session.user?.displayName ?? 'Profile'}
                  </NavLink>
                </li>
                <li>
                  <button type="button" className="link-button" onClick={signOut} data-testid="sign-out">
                    Sign out
                  </button>
                </li>
              </>
            ) : (
              <li>
                <NavLink to="/sign-in">Sign in</NavLink>
              </li>
            )}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
