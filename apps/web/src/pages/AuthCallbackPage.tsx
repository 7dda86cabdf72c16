import type { SignInResult } from '@auction/contracts';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { authApi } from '../api/endpoints';
import { setTokens, takeNextPath } from '../api/session';
import { Loading } from '../components/Status';
import { signInLinkProblem } from '../lib/linkProblems';

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
        const target = result.joinedLeagueId ? `/leagues/${result.joinedLeagueId}?joined=1` : (next ?? '/competitions');
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
        <p className="notice error" role="alert" data-testid="link-problem">
          {token ? signInLinkProblem(error) : 'This sign-in link is incomplete — open it straight from the email.'}
        </p>
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
