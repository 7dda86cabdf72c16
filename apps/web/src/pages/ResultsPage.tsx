import { Link, useParams } from 'react-router-dom';
import { auctionsApi, leaguesApi } from '../api/endpoints';
import { AuditTrail } from '../auction/AuditTrail';
import { currentUserId } from '../api/session';
import { useSession } from '../api/useSession';
import { DownloadButton } from '../components/DownloadButton';
import { exportFileName } from '../lib/csv';
import { ErrorNotice, Loading } from '../components/Status';
import { formatMoney } from '../lib/format';
import { useSports, wordsFor } from '../lib/sports';
import { useAsync } from '../lib/useAsync';

export default function ResultsPage() {
  const { auctionId = '' } = useParams();
  const myId = currentUserId(useSession());
  const { sports } = useSports();
  const results = useAsync(() => auctionsApi.results(auctionId), [auctionId]);
  // The results answer has no league: the snapshot says which league (for its name and sport words).
  const league = useAsync(async () => {
    const snapshot = await auctionsApi.get(auctionId);
    return leaguesApi.get(snapshot.leagueId);
  }, [auctionId]);

  if (!results.data) {
    return results.status === 'error' ? <ErrorNotice error={results.error} onRetry={results.reload} /> : <Loading />;
  }
  const words = wordsFor(league.data?.sport, sports);
  const r = results.data;
  const fileName = exportFileName(league.data?.name, 'results');
  const nameOf = (userId: string | null) =>
    userId === myId ? 'you' : (r.managers.find((m) => m.userId === userId)?.displayName ?? 'a manager');
  const managers = [...r.managers].sort((a, b) => Number(b.userId === myId) - Number(a.userId === myId));

  return (
    <section className="stack">
      <div className="page-head">
        <div>
          <h1>Auction results</h1>
          {league.data && <p className="meta">{league.data.name}</p>}
        </div>
        <DownloadButton fileName={fileName} fetchFile={() => auctionsApi.resultsCsv(auctionId)} testId="results-download" />
      </div>
      <ul className="cards" data-testid="results">
        {managers.map((m) => (
          <li key={m.userId} className="card" data-testid={`results-${m.userId}`}>
            <div className="card-head">
              <h2>
                {m.displayName}
                {m.userId === myId && ' (you)'}
              </h2>
              <span className="meta">
                Spent {formatMoney(m.spent)} · left {formatMoney(m.budgetRemaining)}
              </span>
            </div>
            {m.roster.length === 0 ? (
              <p className="meta">No {words.assets.toLowerCase()} bought.</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{words.asset}</th>
                    <th scope="col" className="num">
                      Price
                    </th>
                  </tr>
                </thead>
                <tbody data-testid={`roster-${m.userId}`}>
                  {m.roster.map((entry) => (
                    <tr key={entry.lotId}>
                      <td>
                        {entry.asset.name}
                        {league.data?.sport === 'cricket' && (
                          <span className="meta block" data-testid={`asset-id-${entry.asset.externalId}`}>
                            id <code>{entry.asset.externalId}</code>
                          </span>
                        )}
                      </td>
                      <td className="num">{formatMoney(entry.price)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        ))}
      </ul>
      <section className="panel" aria-labelledby="unsold-title" data-testid="results-unsold">
        <h2 id="unsold-title">Unsold</h2>
        {(r.unsold ?? []).length === 0 ? (
          <p className="meta">Every {words.asset.toLowerCase()} offered was sold.</p>
        ) : (
          <ul className="plain-list">
            {r.unsold.map((lot) => (
              <li key={lot.lotId}>{lot.asset.name}</li>
            ))}
          </ul>
        )}
      </section>
      {(r.neverOffered ?? []).length > 0 && (
        <section className="panel" aria-labelledby="never-offered-title" data-testid="results-never-offered">
          <h2 id="never-offered-title">Never offered</h2>
          <p className="meta">The auction ended before these came up.</p>
          <ul className="plain-list">
            {r.neverOffered.map((asset) => (
              <li key={asset.id}>{asset.name}</li>
            ))}
          </ul>
        </section>
      )}
      <AuditTrail auctionId={auctionId} nameOf={nameOf} refreshKey="" />
      {league.data && (
        <Link className="button" to={`/leagues/${league.data.id}/leaderboard`}>
          Leaderboard
        </Link>
      )}
    </section>
  );
}
