import type { Fixture } from '@auction/contracts';
import { Link, useParams } from 'react-router-dom';
import { leaguesApi, scoringApi } from '../api/endpoints';
import { currentUserId } from '../api/session';
import { useSession } from '../api/useSession';
import { MatchFileUpload } from '../components/MatchFileUpload';
import { ErrorNotice, Loading } from '../components/Status';
import { formatDateTime } from '../lib/format';
import { useAsync } from '../lib/useAsync';

function FixtureList({ fixtures }: { fixtures: Fixture[] }) {
  if (fixtures.length === 0) return <p className="meta">No fixtures yet.</p>;
  return (
    <table className="table" data-testid="fixtures">
      <thead>
        <tr>
          <th scope="col">Match</th>
          <th scope="col">When</th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {fixtures.map((f) => (
          <tr key={f.id}>
            <td>
              {f.homeTeam} v {f.awayTeam}
              <span className="meta block">{f.externalMatchId}</span>
            </td>
            <td>{formatDateTime(f.startsAt)}</td>
            <td>{f.result ? `${f.result.homeGoals}–${f.result.awayGoals}` : f.status === 'completed' ? 'Played' : 'To play'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function ScoringPage() {
  const { leagueId = '' } = useParams();
  const myId = currentUserId(useSession());
  const league = useAsync(() => leaguesApi.get(leagueId), [leagueId]);
  const fixtures = useAsync((signal) => scoringApi.fixtures(leagueId, signal), [leagueId]);

  if (!league.data) {
    return league.status === 'error' ? <ErrorNotice error={league.error} onRetry={league.reload} /> : <Loading />;
  }
  const l = league.data;
  const isCommissioner = l.commissionerId === myId;

  return (
    <section className="stack">
      <div className="page-head">
        <div>
          <h1>Fixtures and results</h1>
          <p className="meta">
            <Link to={`/leagues/${leagueId}`}>{l.name}</Link>
          </p>
        </div>
        <Link className="button" to={`/leagues/${leagueId}/leaderboard`}>
          Leaderboard
        </Link>
      </div>

      {isCommissioner && (
        <MatchFileUpload send={(file, dryRun) => scoringApi.importMatchFile(leagueId, file.route, file, dryRun)} onDone={fixtures.reload} />
      )}

      <div className="panel">
        <h2>Fixtures</h2>
        {fixtures.status === 'error' && <ErrorNotice error={fixtures.error} onRetry={fixtures.reload} />}
        {fixtures.data ? <FixtureList fixtures={fixtures.data} /> : fixtures.status === 'loading' && <Loading />}
      </div>
    </section>
  );
}
