import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { leaguesApi } from '../api/endpoints';
import { ErrorNotice, Loading } from '../components/Status';

export default function JoinLeaguePage() {
  const { inviteToken = '' } = useParams();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setError(null);
    // Joining is idempotent, so opening the link twice is harmless.
    leaguesApi.join(inviteToken).then(
      (membership) => live && navigate(`/leagues/${membership.leagueId}`, { replace: true }),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [inviteToken, navigate, attempt]);

  return (
    <section className="panel narrow" data-testid="join-league">
      <h1>Joining the league</h1>
      {error ? (
        <>
          <ErrorNotice error={error} onRetry={() => setAttempt((n) => n + 1)} testId="join-error" />
          <Link to="/competitions">Back to my competitions</Link>
        </>
      ) : (
        <Loading label="Joining…" />
      )}
    </section>
  );
}
