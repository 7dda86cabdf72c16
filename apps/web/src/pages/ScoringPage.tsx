import type { CsvImportReport, Fixture } from '@auction/contracts';
import { Link, useParams } from 'react-router-dom';
import { leaguesApi, scoringApi } from '../api/endpoints';
import { currentUserId } from '../api/session';
import { useSession } from '../api/useSession';
import { CsvUpload } from '../components/CsvUpload';
import { ErrorNotice, Loading } from '../components/Status';
import { formatDateTime } from '../lib/format';
import { useAsync } from '../lib/useAsync';

const FIXTURES_HEADER = 'externalMatchId,startsAt,homeTeam,awayTeam,competition';
const RESULTS_HEADER = {
  football: 'externalMatchId,homeGoals,awayGoals',
  cricket: 'externalMatchId,playerExternalId,runs,wickets,catches,stumpings,runOuts',
} as const;

function ImportReport({ report }: { report: CsvImportReport }) {
  return (
    <p className="notice success" data-testid="csv-report">
      Saved: {report.inserted} new, {report.updated} updated.
    </p>
  );
}

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
            <td>
              {f.result ? `${f.result.homeGoals}–${f.result.awayGoals}` : f.status === 'completed' ? 'Played' : 'To play'}
            </td>
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
        <>
          <CsvUpload
            title="Upload fixtures"
            header={FIXTURES_HEADER}
            hint={
              <p className="hint">
                Times in ISO 8601 with a zone, e.g. <code>2026-08-15T15:00:00Z</code>. Teams by name, short name or id. Uploading a
                match again updates it.
              </p>
            }
            upload={(csv) => scoringApi.uploadFixtures(leagueId, csv)}
            renderReport={(report) => <ImportReport report={report} />}
            onDone={fixtures.reload}
            testId="fixtures-upload"
          />
          <CsvUpload
            title={l.sport === 'cricket' ? 'Upload player stats' : 'Upload results'}
            header={RESULTS_HEADER[l.sport]}
            hint={
              <p className="hint">
                {l.sport === 'cricket'
                  ? 'One line per player per match; players by their id.'
                  : 'One line per match. Scores update the leaderboard at once.'}
              </p>
            }
            upload={(csv) => scoringApi.uploadResults(leagueId, csv)}
            renderReport={(report) => <ImportReport report={report} />}
            onDone={fixtures.reload}
            testId="results-upload"
          />
        </>
      )}

      <div className="panel">
        <h2>Fixtures</h2>
        {fixtures.status === 'error' && <ErrorNotice error={fixtures.error} onRetry={fixtures.reload} />}
        {fixtures.data ? <FixtureList fixtures={fixtures.data} /> : fixtures.status === 'loading' && <Loading />}
      </div>
    </section>
  );
}
