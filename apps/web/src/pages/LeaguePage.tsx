import type { InvitationReport, League, LeagueMember, SportWords } from '@auction/contracts';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { leaguesApi } from '../api/endpoints';
import { describeError } from '../api/errors';
import { currentUserId } from '../api/session';
import { useSession } from '../api/useSession';
import { ConnectionBadge } from '../components/ConnectionBadge';
import { CsvUpload } from '../components/CsvUpload';
import { ErrorNotice, Loading } from '../components/Status';
import { formatMoney, plural } from '../lib/format';
import { sportName, useSports, wordsFor } from '../lib/sports';
import { useAsync } from '../lib/useAsync';
import { useLeagueRoom } from '../realtime/useLeagueRoom';
import { AuctionLobbyBanner } from '../auction/AuctionLobbyBanner';
import { StartAuctionPanel } from '../auction/StartAuctionPanel';
import { InvitationsPanel } from './league/InvitationsPanel';
import { InvitePanel } from './league/InvitePanel';
import { LobbyNext } from './league/LobbyNext';
import { SettingsEditor } from './league/SettingsEditor';

const INVITE_STATUS: Record<InvitationReport['rows'][number]['status'], string> = {
  sent: 'Invitation sent',
  already_sent: 'Already invited',
  already_member: 'Already a member',
  invalid: 'Not a valid email',
};

function InvitationResult({ report }: { report: InvitationReport }) {
  return (
    <div className="report" data-testid="invitations-report">
      <p className="notice success">
        {plural(report.sent, 'invitation', 'invitations')} sent, {report.skipped} skipped.
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Email</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <tr key={row.line} className={row.status === 'invalid' ? 'row-error' : undefined} data-testid={`invitation-row-${row.line}`}>
              <td>{row.line}</td>
              <td className="break">{row.email}</td>
              <td>
                {INVITE_STATUS[row.status] ?? row.status}
                {row.message && <span className="meta"> — {row.message}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Settings({ league, words }: { league: League; words: SportWords }) {
  return (
    <dl className="settings" data-testid="league-settings">
      <div>
        <dt>Budget</dt>
        <dd>{formatMoney(league.budget)} each</dd>
      </div>
      <div>
        <dt>Squad</dt>
        <dd>{plural(league.rosterSize, words.asset.toLowerCase(), words.assets.toLowerCase())}</dd>
      </div>
      <div>
        <dt>Managers</dt>
        <dd>
          {league.minManagers}–{league.maxManagers}
        </dd>
      </div>
      <div>
        <dt>Opening bid</dt>
        <dd>{formatMoney(league.openingBid)}</dd>
      </div>
      <div>
        <dt>Smallest raise</dt>
        <dd>{formatMoney(league.minIncrement)}</dd>
      </div>
      <div>
        <dt>Bid timer</dt>
        <dd>{league.bidTimerSeconds} s</dd>
      </div>
      <div>
        <dt>Anti-snipe</dt>
        <dd>{league.antiSnipeSeconds} s</dd>
      </div>
      <div>
        <dt>Lot order</dt>
        <dd>{league.nominationOrder === 'fixed' ? 'Fixed' : 'Random'}</dd>
      </div>
    </dl>
  );
}

function Members({
  league,
  online,
  myId,
  onRemove,
}: {
  league: League;
  online: ReadonlySet<string>;
  myId: string | null;
  onRemove?: (member: LeagueMember) => void;
}) {
  return (
    <ul className="members" data-testid="member-list">
      {league.members.map((m) => {
        const isOnline = online.has(m.userId);
        return (
          <li key={m.userId} data-testid={`member-${m.userId}`}>
            <span className={`presence ${isOnline ? 'online' : 'offline'}`} aria-hidden="true" />
            <span className="member-name">
              {m.displayName}
              {m.userId === myId && ' (you)'}
              <span className="visually-hidden">{isOnline ? ', online' : ', offline'}</span>
            </span>
            {m.role === 'commissioner' && <span className="badge">Commissioner</span>}
            {onRemove && m.role !== 'commissioner' && (
              <button type="button" className="link-button" onClick={() => onRemove(m)} aria-label={`Remove ${m.displayName}`}>
                Remove
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export default function LeaguePage() {
  const { leagueId = '' } = useParams();
  const session = useSession();
  const myId = currentUserId(session);
  const league = useAsync(() => leaguesApi.get(leagueId), [leagueId]);
  const { sports } = useSports();
  const [actionError, setActionError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [invitationsVersion, setInvitationsVersion] = useState(0);
  const [params, setParams] = useSearchParams();
  const justJoined = params.get('joined') === '1';

  const { online, startedAuctionId } = useLeagueRoom(leagueId, {
    onMemberJoined: (member) =>
      league.setData((l) => (l.members.some((m) => m.userId === member.userId) ? l : { ...l, members: [...l.members, member] })),
    onMemberLeft: (userId) => league.setData((l) => ({ ...l, members: l.members.filter((m) => m.userId !== userId) })),
    onAuctionStarted: (auctionId) => league.setData((l) => ({ ...l, status: 'auction', auctionId })),
  });

  if (!league.data) {
    return league.status === 'error' ? <ErrorNotice error={league.error} onRetry={league.reload} /> : <Loading />;
  }

  const l = league.data;
  const words = wordsFor(l.sport, sports);
  const isCommissioner = !!myId && l.commissionerId === myId;
  const auctionId = startedAuctionId ?? l.auctionId;

  async function removeMember(member: LeagueMember) {
    if (!window.confirm(`Remove ${member.displayName} from the league?`)) return;
    try {
      await leaguesApi.removeMember(leagueId, member.userId);
      league.setData((current) => ({ ...current, members: current.members.filter((m) => m.userId !== member.userId) }));
    } catch (e) {
      setActionError(describeError(e));
    }
  }

  return (
    <section className="stack">
      <div className="page-head">
        <div>
          <h1 data-testid="league-title">{l.name}</h1>
          <p className="meta">
            {sportName(l.sport, sports)} · {words.assets} · {plural(l.members.length, 'manager', 'managers')}
          </p>
        </div>
        <ConnectionBadge />
      </div>

      {justJoined && (
        <div className="panel highlight" role="status" data-testid="joined-confirmation">
          <h2>You joined {l.name}</h2>
          <p>
            You’re one of {plural(l.members.length, 'manager', 'managers')}.{' '}
            {l.status === 'open' ? 'The auction room opens here when the commissioner starts it.' : ''}
          </p>
          <button type="button" className="link-button" onClick={() => setParams({}, { replace: true })}>
            Dismiss
          </button>
        </div>
      )}

      {auctionId && l.status !== 'completed' && <AuctionLobbyBanner auctionId={auctionId} />}
      {l.status === 'completed' && (
        <div className="actions">
          <Link className="button primary" to={`/leagues/${leagueId}/leaderboard`} data-testid="leaderboard-link">
            Leaderboard
          </Link>
          {l.auctionId && (
            <Link className="button" to={`/auctions/${l.auctionId}/results`} data-testid="results-link">
              Auction results
            </Link>
          )}
        </div>
      )}

      {isCommissioner && l.status === 'open' && !auctionId && <StartAuctionPanel league={l} assetWord={words.asset} />}
      {actionError && (
        <p className="notice error" role="alert" data-testid="league-action-error">
          {actionError}
        </p>
      )}

      {!isCommissioner && l.status === 'open' && <LobbyNext league={l} words={words} />}

      {l.inviteToken && l.status === 'open' && (
        <InvitePanel
          leagueId={leagueId}
          leagueName={l.name}
          inviteToken={l.inviteToken}
          onRotated={(inviteToken) => league.setData((current) => ({ ...current, inviteToken }))}
        />
      )}

      <div className="panel">
        <h2>
          Members <span className="meta">({online.size} online)</span>
        </h2>
        <Members league={l} online={online} myId={myId} onRemove={isCommissioner && l.status === 'open' ? removeMember : undefined} />
      </div>

      <div className="panel">
        <div className="panel-head">
          <h2>Settings</h2>
          {isCommissioner && l.status === 'open' && !editing && (
            <button type="button" className="button small" onClick={() => setEditing(true)} data-testid="settings-edit">
              Edit
            </button>
          )}
        </div>
        {editing ? (
          <SettingsEditor
            league={l}
            words={words}
            onSaved={(saved) => {
              league.setData(() => saved);
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <Settings league={l} words={words} />
        )}
        {isCommissioner && l.status === 'open' && !editing && <p className="hint">You can change these until the auction starts.</p>}
      </div>

      <div className="actions">
        {l.status === 'auction' && (
          <Link className="button" to={`/leagues/${leagueId}/leaderboard`}>
            Leaderboard
          </Link>
        )}
        <Link className="button" to={`/leagues/${leagueId}/scoring`} data-testid="scoring-link">
          Fixtures and results
        </Link>
      </div>

      {isCommissioner && l.status === 'open' && (
        <CsvUpload
          title="Invite by email (CSV)"
          header="email"
          hint={<p className="hint">One email address per line. Each person gets a link that signs them in and joins this league.</p>}
          upload={async (csv) => {
            const report = await leaguesApi.invite(leagueId, csv);
            setInvitationsVersion((v) => v + 1);
            return report;
          }}
          renderReport={(report) => <InvitationResult report={report} />}
          testId="invitations-upload"
        />
      )}
      {isCommissioner && <InvitationsPanel leagueId={leagueId} version={invitationsVersion} canResend={l.status === 'open'} />}
    </section>
  );
}
