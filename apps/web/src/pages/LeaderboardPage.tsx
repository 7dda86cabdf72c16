import type { Breakdown, LeaderboardEntry } from '@auction/contracts';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { leaguesApi, scoringApi } from '../api/endpoints';
import { currentUserId } from '../api/session';
import { useSession } from '../api/useSession';
import { DownloadButton } from '../components/DownloadButton';
import { exportFileName } from '../lib/csv';
import { ErrorNotice, Loading } from '../components/Status';
import { Points, Rank, tiebreakText } from '../components/LeaderboardWords';
import { formatMoney, plural } from '../lib/format';
import { useAsync } from '../lib/useAsync';
import { useLeagueRoom } from '../realtime/useLeagueRoom';

type MatchNames = ReadonlyMap<string, string>;

function BreakdownView({ leagueId, userId, matchNames }: { leagueId: string; userId: string; matchNames: MatchNames }) {
  const breakdown = useAsync<Breakdown>(() => scoringApi.breakdown(leagueId, userId), [leagueId, userId]);
  if (!breakdown.data) {
    return breakdown.status === 'error' ? <ErrorNotice error={breakdown.error} onRetry={breakdown.reload} /> : <Loading />;
  }
  const b = breakdown.data;
  if (b.matches.length === 0) return <p className="meta">No points yet — they appear once results are uploaded.</p>;
  return (
    <div className="breakdown" data-testid={`breakdown-${userId}`}>
      {b.matches.map((match) => (
        <div key={match.externalMatchId} className="breakdown-match">
          <p className="breakdown-head">
            <span>{matchNames.get(match.externalMatchId) ?? `Match ${match.externalMatchId}`}</span>
            <strong>{plural(match.points, 'pt', 'pts')}</strong>
          </p>
          <ul>
            {match.assets.map((a) => (
              <li key={a.assetId}>
                <span>{a.name}</span>
                <span>{plural(a.points, 'pt', 'pts')}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <p className="breakdown-total">
        Total <Points points={b.total} />
      </p>
    </div>
  );
}

function EntryRow({
  entry,
  leagueId,
  me,
  matchNames,
  scored,
}: {
  entry: LeaderboardEntry;
  leagueId: string;
  me: boolean;
  matchNames: MatchNames;
  /** False until a match has a result: every rank would be a meaningless tie-break order. */
  scored: boolean;
}) {
  const [open, setOpen] = useState(false);
  const panelId = `breakdown-panel-${entry.userId}`;
  return (
    <li className={`leader${me ? ' me' : ''}`} data-testid={`leader-${entry.userId}`}>
      <div className="leader-row">
        <Rank rank={entry.rank} scored={scored} testId={`rank-${entry.userId}`} />
        <span className="leader-name">
          {entry.displayName}
          {me && ' (you)'}
          <span className="meta block">
            {tiebreakText(entry.tiebreaks)} · spent {formatMoney(entry.spent)}
          </span>
        </span>
        <span className="points">
          <Points points={entry.points} />
        </span>
      </div>
      <button type="button" className="link-button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {open ? 'Hide points by match' : 'Points by match'}
      </button>
      {open && (
        <div id={panelId}>
          <BreakdownView leagueId={leagueId} userId={entry.userId} matchNames={matchNames} />
        </div>
      )}
    </li>
  );
}

export default function LeaderboardPage() {
  const { leagueId = '' } = useParams();
  const myId = currentUserId(useSession());
  const leaderboard = useAsync(() => scoringApi.leaderboard(leagueId), [leagueId]);
  const league = useAsync(() => leaguesApi.get(leagueId), [leagueId]);
  // The breakdown names matches by id only: label them "Home v Away" from the fixtures.
  const fixtures = useAsync((signal) => scoringApi.fixtures(leagueId, signal), [leagueId]);
  const matchNames: MatchNames = new Map((fixtures.data ?? []).map((f) => [f.externalMatchId, `${f.homeTeam} v ${f.awayTeam}`] as const));
  const scored = (fixtures.data ?? []).some((f) => f.status === 'completed');
  const fileName = exportFileName(league.data?.name, 'leaderboard');
  useLeagueRoom(leagueId, {
    onLeaderboardUpdated: () => {
      leaderboard.reload();
      fixtures.reload();
    },
  });

  return (
    <section className="stack">
      <div className="page-head">
        <div>
          <h1>Leaderboard</h1>
          {league.data && (
            <p className="meta">
              <Link to={`/leagues/${leagueId}`}>{league.data.name}</Link>
            </p>
          )}
        </div>
        <div className="input-row">
          <DownloadButton fileName={fileName} fetchFile={() => scoringApi.leaderboardCsv(leagueId)} testId="leaderboard-download" />
          <Link className="button" to={`/leagues/${leagueId}/scoring`}>
            Fixtures and results
          </Link>
        </div>
      </div>
      {leaderboard.status === 'error' && <ErrorNotice error={leaderboard.error} onRetry={leaderboard.reload} />}
      {!leaderboard.data && leaderboard.status === 'loading' && <Loading />}
      {leaderboard.data && (
        <ol className="leaderboard panel" data-testid="leaderboard">
          {leaderboard.data.entries.map((entry) => (
            <EntryRow
              key={entry.userId}
              entry={entry}
              leagueId={leagueId}
              me={entry.userId === myId}
              matchNames={matchNames}
              scored={scored}
            />
          ))}
        </ol>
      )}
      {leaderboard.data && !scored && <p className="hint">Ranks appear once the first match has a result.</p>}
      <p className="hint">
        Ties are broken by the sport’s tie-breaks shown under each name, then by less money spent, then by who joined first.
      </p>
    </section>
  );
}
