import { Module } from '@nestjs/common';
import { AuctionBroadcaster } from './auctions/auction-broadcaster.js';
import { AuctionQueries } from './auctions/auction-queries.js';
import { AuctionsRepository } from './auctions/auctions.repository.js';
import { CompletionPublisher } from './auctions/completion-publisher.js';
import { StartAuction } from './auctions/start-auction.js';
import { BidsRepository } from './bids/bids.repository.js';
import { PlaceBid } from './bids/place-bid.js';
import { ControlAuction } from './control/control-auction.js';
import { AuctionGateway } from './gateway/auction.gateway.js';
import { AuctionsController } from './http/auctions.controller.js';
import { InternalAuctionsController } from './http/internal-auctions.controller.js';
import { LeaguesClient } from './leagues/leagues.client.js';
import { CloseLot } from './lots/close-lot.js';
import { LotCloser } from './lots/lot-closer.js';
import { LotSettlement } from './lots/lot-settlement.js';
import { ManagerNamesRepository } from './managers/manager-names.repository.js';
import { ManagerRenamedListener } from './managers/manager-renamed.listener.js';
import { OpenNextLot } from './lots/open-next-lot.js';
import { GoLive } from './schedule/go-live.js';
import { RescheduleAuction } from './schedule/reschedule-auction.js';
import { ScheduleMails } from './schedule/schedule-mails.js';
import { ScheduledStarts } from './schedule/scheduled-starts.js';
import { Mailer } from '@auction/platform';

/** Auctions: scheduled starts, bids, lot timers and gaps, commissioner controls and the Socket.IO gateway. */
@Module({
  controllers: [AuctionsController, InternalAuctionsController],
  providers: [
    AuctionsRepository,
    BidsRepository,
    LeaguesClient,
    AuctionBroadcaster,
    AuctionQueries,
    CompletionPublisher,
    StartAuction,
    PlaceBid,
    ControlAuction,
    LotSettlement,
    CloseLot,
    OpenNextLot,
    LotCloser,
    Mailer,
    ScheduleMails,
    GoLive,
    ScheduledStarts,
    RescheduleAuction,
    AuctionGateway,
    ManagerNamesRepository,
    ManagerRenamedListener,
  ],
})
export class AuctionModule {}
