import { lazy, Suspense, useEffect } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { api } from './api/client';
import { rememberNextPath } from './api/session';
import { isSignedIn, useSession } from './api/useSession';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Layout } from './components/Layout';
import { Loading } from './components/Status';
import { closeSocketLazily } from './realtime/close';

const SignInPage = lazy(() => import('./pages/SignInPage'));
const AuthCallbackPage = lazy(() => import('./pages/AuthCallbackPage'));
const MyCompetitionsPage = lazy(() => import('./pages/MyCompetitionsPage'));
const JoinLeaguePage = lazy(() => import('./pages/JoinLeaguePage'));
const CreateLeaguePage = lazy(() => import('./pages/CreateLeaguePage'));
const LeaguePage = lazy(() => import('./pages/LeaguePage'));
const AuctionRoomPage = lazy(() => import('./pages/AuctionRoomPage'));
const ResultsPage = lazy(() => import('./pages/ResultsPage'));
const ScoringPage = lazy(() => import('./pages/ScoringPage'));
const LeaderboardPage = lazy(() => import('./pages/LeaderboardPage'));
const ProfilePage = lazy(() => import('./pages/ProfilePage'));
const HelpPage = lazy(() => import('./pages/HelpPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

/** Pages that need a signed-in user send visitors to sign-in and back afterwards. */
function RequireAuth({ children }: { children: React.ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!isSignedIn(session)) {
    rememberNextPath(location.pathname + location.search);
    return <Navigate to="/sign-in" replace />;
  }
  return <>{children}</>;
}

function Home() {
  const session = useSession();
  return <Navigate to={isSignedIn(session) ? '/competitions' : '/sign-in'} replace />;
}

/** When the session can't be refreshed any more, go to sign-in and come back afterwards. */
function SessionWatcher() {
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => {
    api.setSessionExpiredHandler(() => {
      closeSocketLazily();
      rememberNextPath(window.location.pathname + window.location.search);
      navigate('/sign-in?expired=1', { replace: true });
    });
  }, [navigate]);
  useEffect(() => {
    // Move focus to the page heading region after navigation, for keyboard and screen-reader users.
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [location.pathname]);
  return null;
}

function AppRoutes() {
  const location = useLocation();
  const guard = (page: React.ReactNode) => <RequireAuth>{page}</RequireAuth>;
  return (
    <Layout>
      <ErrorBoundary resetKey={location.pathname}>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<Home />} />
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/auth/callback" element={<AuthCallbackPage />} />
            <Route path="/help" element={<HelpPage />} />
            <Route path="/competitions" element={guard(<MyCompetitionsPage />)} />
            <Route path="/join/:inviteToken" element={<JoinLeaguePage />} />
            <Route path="/leagues/new" element={guard(<CreateLeaguePage />)} />
            <Route path="/leagues/:leagueId" element={guard(<LeaguePage />)} />
            <Route path="/leagues/:leagueId/scoring" element={guard(<ScoringPage />)} />
            <Route path="/leagues/:leagueId/leaderboard" element={guard(<LeaderboardPage />)} />
            <Route path="/auctions/:auctionId" element={guard(<AuctionRoomPage />)} />
            <Route path="/auctions/:auctionId/results" element={guard(<ResultsPage />)} />
            <Route path="/profile" element={guard(<ProfilePage />)} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </ErrorBoundary>
    </Layout>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <SessionWatcher />
      <AppRoutes />
    </BrowserRouter>
  );
}
