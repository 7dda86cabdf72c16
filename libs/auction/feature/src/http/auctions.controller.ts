import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  bidHistoryQuery,
  createAuctionRequest,
  placeBidRequest,
  rescheduleAuctionRequest,
  type CreateAuctionRequest,
  type RescheduleAuctionRequest,
  type AcceptedBid,
  type AuctionResults,
  type AuctionSnapshot,
  type BidHistoryQuery,
  type Page,
  type PlaceBidRequest,
} from '@auction/contracts';
import { AccessGuard, CurrentUser, type AuthUser } from '@auction/auth-guard';
import { ApiZodBody, ApiZodQuery, ZodPipe } from '@auction/platform';
import { AuctionQueries } from '../auctions/auction-queries.js';
import { StartAuction } from '../auctions/start-auction.js';
import { PlaceBid } from '../bids/place-bid.js';
import { ControlAuction } from '../control/control-auction.js';
import { GoLive } from '../schedule/go-live.js';
import { RescheduleAuction } from '../schedule/reschedule-auction.js';
import { UuidParam } from './uuid-param.pipe.js';

type StartedAuction = AuctionSnapshot & { id: string; leagueId: string; status: AuctionSnapshot['status'] };

@ApiTags('auctions')
@ApiBearerAuth()
@UseGuards(AccessGuard)
@Controller('api/auctions')
export class AuctionsController {
  constructor(
    private readonly startAuction: StartAuction,
    private readonly placeBid: PlaceBid,
    private readonly control: ControlAuction,
    private readonly queries: AuctionQueries,
    private readonly goLive: GoLive,
    private readonly reschedule: RescheduleAuction,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiZodBody(createAuctionRequest)
  start(@Body(new ZodPipe(createAuctionRequest)) body: CreateAuctionRequest, @CurrentUser() user: AuthUser): Promise<StartedAuction> {
    return this.startAuction.execute(body.leagueId, user.id, body.startsAt ? new Date(body.startsAt) : undefined);
  }

  @Post(':id/start')
  @HttpCode(200)
  startNow(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser): Promise<AuctionSnapshot> {
    return this.goLive.now(id, user.id);
  }

  @Patch(':id')
  @ApiZodBody(rescheduleAuctionRequest)
  move(
    @Param('id', UuidParam) id: string,
    @Body(new ZodPipe(rescheduleAuctionRequest)) body: RescheduleAuctionRequest,
    @CurrentUser() user: AuthUser,
  ): Promise<AuctionSnapshot> {
    return this.reschedule.execute(id, user.id, new Date(body.startsAt));
  }

  @Get(':id')
  snapshot(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser): Promise<AuctionSnapshot> {
    return this.queries.snapshot(id, user.id);
  }

  @Post(':id/bids')
  @HttpCode(201)
  @ApiZodBody(placeBidRequest)
  bid(
    @Param('id', UuidParam) id: string,
    @Body(new ZodPipe(placeBidRequest)) body: PlaceBidRequest,
    @CurrentUser() user: AuthUser,
  ): Promise<AcceptedBid> {
    return this.placeBid.execute({ ...body, auctionId: id, bidderId: user.id });
  }

  @Get(':id/bids')
  @ApiZodQuery(bidHistoryQuery)
  bids(
    @Param('id', UuidParam) id: string,
    @Query(new ZodPipe(bidHistoryQuery)) query: BidHistoryQuery,
    @CurrentUser() user: AuthUser,
  ): Promise<Page<AcceptedBid>> {
    return this.queries.bidHistory(id, user.id, query);
  }

  @Post(':id/pause')
  @HttpCode(200)
  pause(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser): Promise<AuctionSnapshot> {
    return this.control.execute(id, user.id, 'pause');
  }

  @Post(':id/resume')
  @HttpCode(200)
  resume(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser): Promise<AuctionSnapshot> {
    return this.control.execute(id, user.id, 'resume');
  }

  @Post(':id/end')
  @HttpCode(200)
  end(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser): Promise<AuctionSnapshot> {
    return this.control.execute(id, user.id, 'end');
  }

  @Get(':id/results')
  results(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser): Promise<AuctionResults> {
    return this.queries.results(id, user.id);
  }
}
