import type { InvitePreview } from '@auction/contracts';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { leaguesApi } from '../api/endpoints';
import { rememberNextPath } from '../api/session';
import { isSignedIn, useSession } from '../api/useSession';
import { Loading } from '../components/Status';
import { inviteLinkProblem } from '../lib/linkProblems';
import { sportName, useSports } from '../lib/sports';
import { useAsync } from '../lib/useAsync';

/** Signed out: who invites you to what, and a way in. Signing in brings you back here to join. */
function Invitation({ inviteToken }: { inviteToken: string }) {
  const preview = useAsync<InvitePreview>(() => leaguesApi.invitePreview(inviteToken), [inviteToken]);
  const { sports } = useSports();
  const path = `/join/${inviteToken}`;
  if (!preview.data) {
    return preview.status === 'error' ? <InvalidInvite error={preview.error} /> : <Loading />;
  }
  const league = preview.data;
  return (
    <section className="panel narrow" data-testid="invite-preview">
      <h1>You’re invited to {league.name}</h1>
      <p>
        {league.commissionerName} invites you to manage a team in this {sportName(league.sport, sports).toLowerCase()} auction league.
      </p>
      {league.status === 'open' ? (
        <>
          <p className="meta">
            {league.managers} of up to {league.maxManagers} managers have joined.
          </p>
          <Link className="button primary wide" to="/sign-in" onClick={() => rememberNextPath(path)} data-testid="invite-sign-in">
            Sign in to join
          </Link>
          <p className="hint">No password: we email you a link, and you join as soon as you open it.</p>
        </>
      ) : (
        <p className="notice">This league’s auction has already started, so it can’t take new members.</p>
      )}
    </section>
  );
}

function InvalidInvite({ error }: { error: unknown }) {
  return (
    <section className="panel narrow" data-testid="join-error">
      <h1>That invite link didn’t work</h1>
      <p className="notice error" role="alert">
        {inviteLinkProblem(error)}
      </p>
      <Link to="/competitions">Go to my competitions</Link>
    </section>
  );
}

function Joining({ inviteToken }: { inviteToken: string }) {
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    // Joining is idempotent, so opening the link twice is harmless.
    leaguesApi.join(inviteToken).then(
      (membership) => live && navigate(`/leagues/${membership.leagueId}?joined=1`, { replace: true }),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [inviteToken, navigate]);

  if (error) return <InvalidInvite error={error} />;
  return (
    <section className="panel narrow" data-testid="join-league">
      <h1>Joining the league</h1>
      <Loading label="Joining…" />
    </section>
  );
}

export default function JoinLeaguePage() {
  const { inviteToken = '' } = useParams();
  const session = useSession();
  return isSignedIn(session) ? <Joining inviteToken={inviteToken} /> : <Invitation inviteToken={inviteToken} />;
}
