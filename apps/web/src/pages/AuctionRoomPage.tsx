import type { AuctionSnapshot, SportKey } from '@auction/contracts';
import { useCallback } from 'react';
import { Link, useParams } from 'react-router-dom';
import { leaguesApi } from '../api/endpoints';
import { currentUserId } from '../api/session';
import { useSession } from '../api/useSession';
import { AuditTrail } from '../auction/AuditTrail';
import { BidHistory } from '../auction/BidHistory';
import { BidPanel } from '../auction/BidPanel';
import { ClosedLots } from '../auction/ClosedLots';
import { outbidOf, useOutbidAlert, useOutbidSound } from '../auction/cues';
import { CommissionerControls } from '../auction/CommissionerControls';
import { useDeadlinePassed } from '../auction/countdown';
import { poolAssets } from '../auction/formatsApi';
import { LotCard } from '../auction/LotCard';
import { Managers } from '../auction/Managers';
import { NominationPanel } from '../auction/NominationPanel';
import { PoolPanel } from '../auction/PoolPanel';
import { poolEntries } from '../auction/poolState';
import { QueuePanel } from '../auction/QueuePanel';
import { ProxyPanel } from '../auction/ProxyPanel';
import { SaleCorrections } from '../auction/SaleCorrections';
import { useAuctionRoom } from '../auction/useAuctionRoom';
import { useQueue } from '../auction/useQueue';
import { ConnectionBadge } from '../components/ConnectionBadge';
import { ErrorNotice, LiveRegion, Loading } from '../components/Status';
import { plural } from '../lib/format';
import { useSports, wordsFor } from '../lib/sports';
import { useAsync } from '../lib/useAsync';

/** Changes with every control action a member can see: a status change or a lot's owner or price. */
function auditKey(snapshot: AuctionSnapshot): string {
  return [snapshot.status, ...snapshot.lots.map((lot) => `${lot.lotId}:${lot.winnerId}:${lot.price}`)].join('|');
}

export default function AuctionRoomPage() {
  const { auctionId = '' } = useParams();
  const session = useSession();
  const myUserId = currentUserId(session);
  const room = useAuctionRoom(auctionId);
  const { state, clock, connection } = room;
  const snapshot = state.snapshot;
  const leagueId = snapshot?.leagueId;
  const league = useAsync(async () => (leagueId ? leaguesApi.get(leagueId) : null), [leagueId]);
  const { sports } = useSports();
  const l = league.data ?? null;

  const words = wordsFor(snapshot?.settings.sport, sports);
  const lot = snapshot?.currentLot ?? null;
  const timeUp = useDeadlinePassed(lot, snapshot?.status, clock);
  const nameOf = useCallback(
    (userId: string | null) => {
      if (!userId) return 'nobody';
      if (userId === myUserId) return 'you';
      return snapshot?.managers.find((m) => m.userId === userId)?.displayName ?? 'a manager';
    },
    [snapshot?.managers, myUserId],
  );
  const outbid = outbidOf(lot, myUserId, room.bidStatus, state.liveBids, nameOf);
  const [soundOn, setSoundOn] = useOutbidSound();
  useOutbidAlert(outbid, soundOn);
  const sport = snapshot?.settings.sport ?? l?.sport;
  const pool = useAsync(async () => (leagueId && sport ? poolAssets(leagueId, sport as SportKey) : []), [leagueId, sport]);
  const isManager = !!snapshot?.managers.some((manager) => manager.userId === myUserId);
  const queue = useQueue(auctionId, isManager && snapshot?.status !== 'completed');

  if (!snapshot) {
    return room.joinError ? (
      <section className="panel narrow">
        <h1>Auction room</h1>
        <ErrorNotice error={room.joinError} testId="auction-error" />
        <Link to="/competitions">Back to my competitions</Link>
      </section>
    ) : (
      <section className="stack">
        <div className="page-head">
          <h1>Auction room</h1>
          <ConnectionBadge />
        </div>
        <Loading label="Joining the auction…" />
      </section>
    );
  }

  const entries = poolEntries(pool.data ?? [], snapshot);
  const isCommissioner = !!myUserId && snapshot.commissionerId === myUserId;
  const ctx = {
    snapshot,
    myUserId,
    connected: connection === 'connected',
    remainingMs: timeUp ? 0 : null,
    assetWord: words.asset,
  };

  return (
    <div className="auction-room" data-testid="auction-room" data-status={snapshot.status} data-seq={snapshot.seq}>
      <div className="page-head">
        <div>
          <h1>{l ? l.name : 'Auction room'}</h1>
          <p className="meta" data-testid="lots-remaining">
            {plural(snapshot.lotsRemaining, `${words.asset.toLowerCase()} still to come`, `${words.assets.toLowerCase()} still to come`)}
          </p>
        </div>
        <div className="room-head-tools">
          <button
            type="button"
            className="link-button"
            aria-pressed={soundOn}
            onClick={() => setSoundOn(!soundOn)}
            data-testid="outbid-sound"
          >
            {soundOn ? 'Outbid sound: on' : 'Outbid sound: off'}
          </button>
          <ConnectionBadge />
        </div>
      </div>

      {snapshot.status === 'paused' && (
        <p className="banner paused" role="status" data-testid="auction-paused">
          Paused by the commissioner — the clock is stopped.
        </p>
      )}
      {snapshot.status === 'completed' && (
        <div className="banner done" role="status" data-testid="auction-completed">
          <p>The auction is over.</p>
          <Link className="button primary" to={`/auctions/${auctionId}/results`} data-testid="results-link">
            See the results
          </Link>
        </div>
      )}
      {room.joinError && <ErrorNotice error={room.joinError} testId="auction-error" />}

      <div className="room-grid">
        <div className="room-main">
          {snapshot.status !== 'completed' && (
            <NominationPanel snapshot={snapshot} myUserId={myUserId} clock={clock} pool={entries} words={words} nameOf={nameOf} />
          )}
          {lot?.nominatedBy && (
            <p className="meta" data-testid="nominated-by">
              {lot.auto && (
                <span className="badge" data-testid="auto-badge">
                  auto
                </span>
              )}{' '}
              Nominated by {nameOf(lot.nominatedBy)}
              {lot.auto ? ' (their time ran out)' : ''}
            </p>
          )}
          <LotCard
            snapshot={snapshot}
            clock={clock}
            words={words}
            nameOf={nameOf}
            myUserId={myUserId}
            timerSeconds={snapshot.settings.bidTimerSeconds}
            lastMoment={state.lastMoment}
          />
          {snapshot.status !== 'completed' && (
            <BidPanel
              key={lot?.id ?? 'no-lot'}
              ctx={ctx}
              status={room.bidStatus}
              outbid={outbid}
              onBid={(amount, lotId) => void room.placeBid(amount, lotId, words.asset)}
            />
          )}
          {myUserId && snapshot.status !== 'completed' && snapshot.managers.some((m) => m.userId === myUserId) && (
            <ProxyPanel snapshot={snapshot} myUserId={myUserId} assetWord={words.asset} />
          )}
          {isCommissioner && <CommissionerControls snapshot={snapshot} onSnapshot={room.applySnapshot} />}
          {isCommissioner && snapshot.status !== 'scheduled' && (
            <SaleCorrections snapshot={snapshot} nameOf={nameOf} onSnapshot={room.applySnapshot} />
          )}
          <BidHistory
            auctionId={auctionId}
            lotId={lot?.id ?? null}
            liveBids={state.liveBids}
            managers={snapshot.managers}
            myUserId={myUserId}
            refreshKey={room.joinCount}
          />
        </div>
        <div className="room-side">
          {isManager && snapshot.status !== 'completed' && <QueuePanel queue={queue} pool={entries} words={words} />}
          <ClosedLots lots={snapshot.lots} nameOf={nameOf} assetsWord={words.assets} />
          <AuditTrail auctionId={auctionId} nameOf={nameOf} refreshKey={auditKey(snapshot)} />
          <Managers
            managers={snapshot.managers}
            myUserId={myUserId}
            highBidderId={lot?.highBidderId ?? null}
            rosterSize={snapshot.settings.rosterSize}
            words={words}
          />
          <PoolPanel
            pool={entries}
            words={words}
            queued={queue.assetIds}
            onQueue={isManager && snapshot.status !== 'completed' ? queue.add : undefined}
          />
          <p className="hint">
            A bid counts if the server commits it before the deadline; every confirmation shows the server’s time.{' '}
            <Link to="/help#buzzer">How bidding works</Link>
          </p>
        </div>
      </div>
      <LiveRegion text={room.announcement.text} id={room.announcement.id} testId="auction-announcer" />
    </div>
  );
}
