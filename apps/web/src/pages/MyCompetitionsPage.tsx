import type { MyCompetition } from '@auction/contracts';
import { Link } from 'react-router-dom';
import { leaguesApi } from '../api/endpoints';
import { ErrorNotice, Loading } from '../components/Status';
import { formatDateTime, plural } from '../lib/format';
import { sportName, useSports } from '../lib/sports';
import { useAsync } from '../lib/useAsync';
import { useLeagueRoom } from '../realtime/useLeagueRoom';

const STATUS_TEXT: Record<MyCompetition['status'], string> = {
  open: 'Waiting for the auction',
  auction: 'Auction running',
  completed: 'Season under way',
};

function CompetitionCard({ competition, sportLabel }: { competition: MyCompetition; sportLabel: string }) {
  // A league still waiting listens to its lobby, so "Enter auction room" appears the moment it starts.
  const { startedAuctionId } = useLeagueRoom(competition.status === 'open' ? competition.leagueId : undefined);
  const c: MyCompetition = startedAuctionId ? { ...competition, status: 'auction', auctionId: startedAuctionId } : competition;
  return (
    <li className="card" data-testid={`competition-${c.leagueId}`}>
      <div className="card-head">
        <h2>
          <Link to={`/leagues/${c.leagueId}`}>{c.name}</Link>
        </h2>
        <span className={`badge status-${c.status}`}>{STATUS_TEXT[c.status]}</span>
      </div>
      <p className="meta">
        {sportLabel} · {plural(c.managers, 'manager', 'managers')} · {c.role === 'commissioner' ? 'You run this league' : 'Manager'}
      </p>
      {c.rank !== null && (
        <p>
          Rank <strong>{c.rank}</strong> · {c.points ?? 0} points
        </p>
      )}
      {c.nextFixture && (
        <p className="meta">
          Next: {c.nextFixture.homeTeam} v {c.nextFixture.awayTeam}, {formatDateTime(c.nextFixture.startsAt)}
        </p>
      )}
      <div className="actions">
        {c.status === 'auction' && c.auctionId && (
          <Link className="button primary" to={`/auctions/${c.auctionId}`} data-testid="enter-auction">
            Enter auction room
          </Link>
        )}
        {c.status === 'completed' && (
          <Link className="button" to={`/leagues/${c.leagueId}/leaderboard`}>
            Leaderboard
          </Link>
        )}
        {c.status === 'completed' && c.auctionId && (
          <Link className="button" to={`/auctions/${c.auctionId}/results`}>
            Auction results
          </Link>
        )}
      </div>
    </li>
  );
}

export default function MyCompetitionsPage() {
  const competitions = useAsync(() => leaguesApi.myCompetitions(), []);
  const { sports } = useSports();

  return (
    <section>
      <div className="page-head">
        <h1>My competitions</h1>
        <Link className="button primary" to="/leagues/new" data-testid="create-league-link">
          Create a league
        </Link>
      </div>
      {competitions.status === 'loading' && !competitions.data && <Loading />}
      {competitions.status === 'error' && <ErrorNotice error={competitions.error} onRetry={competitions.reload} />}
      {competitions.data && competitions.data.length === 0 && (
        <div className="panel" data-testid="no-competitions">
          <p>You’re not in a league yet.</p>
          <p>Ask your club’s commissioner for an invite link, or create a league and invite your members.</p>
        </div>
      )}
      {competitions.data && competitions.data.length > 0 && (
        <ul className="cards" data-testid="competition-list">
          {competitions.data.map((c) => (
            <CompetitionCard key={c.leagueId} competition={c} sportLabel={sportName(c.sport, sports)} />
          ))}
        </ul>
      )}
    </section>
  );
}
