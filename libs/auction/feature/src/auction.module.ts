import { Module } from '@nestjs/common';
import { Mailer } from '@auction/platform';
import { AuctionsRepository } from './data/auctions.repository.js';
import { AuditRepository } from './data/audit.repository.js';
import { ProxiesRepository } from './data/proxies.repository.js';
import { BidsRepository } from './data/bids.repository.js';
import { LeaguesClient } from './data/leagues.client.js';
import { QueuesRepository } from './data/queues.repository.js';
import { TurnsRepository } from './data/turns.repository.js';
import { ManagerNamesRepository } from './data/manager-names.repository.js';
import { AuctionsController } from './http/auctions.controller.js';
import { InternalAuctionsController } from './http/internal-auctions.controller.js';
import { AuditPageQuery } from './queries/audit-page/audit-page.query.js';
import { AuctionMembershipQuery } from './queries/auction-membership/auction-membership.query.js';
import { AuctionQueueQuery } from './queries/auction-queue/auction-queue.query.js';
import { AuctionResultsQuery } from './queries/auction-results/auction-results.query.js';
import { AuctionSnapshotQuery } from './queries/auction-snapshot/auction-snapshot.query.js';
import { BidHistoryPageQuery } from './queries/bid-history-page/bid-history-page.query.js';
import { CompletedAuctionQuery } from './queries/completed-auction/completed-auction.query.js';
import { LeagueMembershipQuery } from './queries/league-membership/league-membership.query.js';
import { OwnProxiesQuery } from './queries/own-proxies/own-proxies.query.js';
import { ResultsCsvQuery } from './queries/results-csv/results-csv.query.js';
import { RoomSnapshotQuery } from './queries/room-snapshot/room-snapshot.query.js';
import { AuctionBroadcaster } from './realtime/auction-broadcaster.js';
import { AuctionGateway } from './realtime/auction.gateway.js';
import { ManagerRenamedListener } from './realtime/manager-renamed.listener.js';
import { LotCloser } from './scheduler/lot-closer.js';
import { NominationTimer } from './scheduler/nomination-timer.js';
import { ScheduledStarts } from './scheduler/scheduled-starts.js';
import { AutoNominateUseCase } from './use-cases/auto-nominate/auto-nominate.use-case.js';
import { CloseLotUseCase } from './use-cases/close-lot/close-lot.use-case.js';
import { ControlAuctionUseCase } from './use-cases/control-auction/control-auction.use-case.js';
import { GoLiveUseCase } from './use-cases/go-live/go-live.use-case.js';
import { NominateUseCase } from './use-cases/nominate/nominate.use-case.js';
import { OpenNextLotUseCase } from './use-cases/open-next-lot/open-next-lot.use-case.js';
import { PlaceBidUseCase } from './use-cases/place-bid/place-bid.use-case.js';
import { RemoveProxyUseCase } from './use-cases/remove-proxy/remove-proxy.use-case.js';
import { SetProxyUseCase } from './use-cases/set-proxy/set-proxy.use-case.js';
import { ReassignSaleUseCase } from './use-cases/reassign-sale/reassign-sale.use-case.js';
import { UndoSaleUseCase } from './use-cases/undo-sale/undo-sale.use-case.js';
import { PublishCompletionUseCase } from './use-cases/publish-completion/publish-completion.use-case.js';
import { RenameManagerUseCase } from './use-cases/rename-manager/rename-manager.use-case.js';
import { RescheduleAuctionUseCase } from './use-cases/reschedule-auction/reschedule-auction.use-case.js';
import { SaveQueueUseCase } from './use-cases/save-queue/save-queue.use-case.js';
import { SendReminderUseCase } from './use-cases/send-reminder/send-reminder.use-case.js';
import { LotDeadlines, ScheduledStartTimes } from './use-cases/shared/due-times.js';
import { GoingLive } from './use-cases/shared/going-live.js';
import { LotSettlement } from './use-cases/shared/lot-settlement.js';
import { NominationTurns } from './use-cases/shared/nomination-turns.js';
import { RoomEvents } from './use-cases/shared/room-events.js';
import { ProxySettlement } from './use-cases/shared/proxy-settlement.js';
import { ProxyWrites } from './use-cases/shared/proxy-writes.js';
import { SaleCorrection } from './use-cases/shared/sale-correction.js';
import { ScheduleMails } from './use-cases/shared/schedule-mails.js';
import { StartAuctionUseCase } from './use-cases/start-auction/start-auction.use-case.js';
import { StartNowUseCase } from './use-cases/start-now/start-now.use-case.js';

/** Auctions: scheduled starts, bids, lot timers and gaps, commissioner controls and the Socket.IO gateway. */
@Module({
  controllers: [AuctionsController, InternalAuctionsController],
  providers: [
    // data
    AuctionsRepository,
    AuditRepository,
    ProxiesRepository,
    BidsRepository,
    ManagerNamesRepository,
    LeaguesClient,
    QueuesRepository,
    TurnsRepository,
    // use cases and what they share
    StartAuctionUseCase,
    StartNowUseCase,
    GoLiveUseCase,
    RescheduleAuctionUseCase,
    SendReminderUseCase,
    PlaceBidUseCase,
    ControlAuctionUseCase,
    CloseLotUseCase,
    OpenNextLotUseCase,
    PublishCompletionUseCase,
    RenameManagerUseCase,
    SaveQueueUseCase,
    NominateUseCase,
    AutoNominateUseCase,
    NominationTurns,
    UndoSaleUseCase,
    ReassignSaleUseCase,
    SaleCorrection,
    SetProxyUseCase,
    RemoveProxyUseCase,
    ProxySettlement,
    ProxyWrites,
    LotSettlement,
    GoingLive,
    ScheduleMails,
    Mailer,
    // queries
    AuctionSnapshotQuery,
    RoomSnapshotQuery,
    AuctionMembershipQuery,
    LeagueMembershipQuery,
    BidHistoryPageQuery,
    AuctionResultsQuery,
    ResultsCsvQuery,
    AuditPageQuery,
    OwnProxiesQuery,
    CompletedAuctionQuery,
    AuctionQueueQuery,
    // realtime: the use cases' room events go out through the broadcaster
    AuctionBroadcaster,
    { provide: RoomEvents, useExisting: AuctionBroadcaster },
    AuctionGateway,
    ManagerRenamedListener,
    // scheduler: the use cases' new deadlines and starts wake its loops
    LotCloser,
    { provide: LotDeadlines, useExisting: LotCloser },
    ScheduledStarts,
    { provide: ScheduledStartTimes, useExisting: ScheduledStarts },
    NominationTimer,
  ],
})
export class AuctionModule {}
