import type { SignInResult } from '@auction/contracts';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { authApi } from '../api/endpoints';
import { setTokens, takeNextPath } from '../api/session';
import { ErrorNotice, Loading } from '../components/Status';

/** A link works once: remember the verification so a re-render never spends it twice. */
const verifications = new Map<string, Promise<SignInResult>>();

function verifyOnce(token: string): Promise<SignInResult> {
  let pending = verifications.get(token);
  if (!pending) {
    pending = authApi.verifyMagicLink(token);
    verifications.set(token, pending);
  }
  return pending;
}

export default function AuthCallbackPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const token = params.get('token');
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!token) return;
    let live = true;
    verifyOnce(token).then(
      (result) => {
        if (!live) return;
        setTokens(result, result.user);
        const next = takeNextPath();
        const target = result.joinedLeagueId ? `/leagues/${result.joinedLeagueId}` : (next ?? '/competitions');
        navigate(target, { replace: true });
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [token, navigate]);

  if (!token || error) {
    return (
      <section className="panel narrow" data-testid="auth-callback-error">
        <h1>That link didn’t work</h1>
        {token ? <ErrorNotice error={error} /> : <p>The sign-in link is incomplete — open it straight from the email.</p>}
        <Link className="button primary" to="/sign-in">
          Get a new sign-in link
        </Link>
      </section>
    );
  }
  return (
    <section className="panel narrow">
      <Loading label="Signing you in…" />
    </section>
  );
}
