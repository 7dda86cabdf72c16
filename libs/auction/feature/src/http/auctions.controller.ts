import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  auditQuery,
  bidHistoryQuery,
  createAuctionRequest,
  nominationRequest,
  placeBidRequest,
  putQueueRequest,
  type NominationAnswer,
  type NominationRequest,
  putProxyRequest,
  reassignSaleRequest,
  rescheduleAuctionRequest,
  type AuctionQueue,
  type PutQueueRequest,
  type CreateAuctionRequest,
  type AuditEntry,
  type AuditQuery,
  type ReassignSaleRequest,
  type OwnProxies,
  type OwnProxy,
  type PutProxyRequest,
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
import { AuctionQueueQuery } from '../queries/auction-queue/auction-queue.query.js';
import { AuditPageQuery } from '../queries/audit-page/audit-page.query.js';
import { AuctionResultsQuery } from '../queries/auction-results/auction-results.query.js';
import { AuctionSnapshotQuery } from '../queries/auction-snapshot/auction-snapshot.query.js';
import { BidHistoryPageQuery } from '../queries/bid-history-page/bid-history-page.query.js';
import { OwnProxiesQuery } from '../queries/own-proxies/own-proxies.query.js';
import { ResultsCsvQuery } from '../queries/results-csv/results-csv.query.js';
import { ControlAuctionUseCase } from '../use-cases/control-auction/control-auction.use-case.js';
import { NominateUseCase } from '../use-cases/nominate/nominate.use-case.js';
import { PlaceBidUseCase } from '../use-cases/place-bid/place-bid.use-case.js';
import { SaveQueueUseCase } from '../use-cases/save-queue/save-queue.use-case.js';
import { RemoveProxyUseCase } from '../use-cases/remove-proxy/remove-proxy.use-case.js';
import { SetProxyUseCase } from '../use-cases/set-proxy/set-proxy.use-case.js';
import { ReassignSaleUseCase } from '../use-cases/reassign-sale/reassign-sale.use-case.js';
import { RescheduleAuctionUseCase } from '../use-cases/reschedule-auction/reschedule-auction.use-case.js';
import { StartAuctionUseCase } from '../use-cases/start-auction/start-auction.use-case.js';
import { StartNowUseCase } from '../use-cases/start-now/start-now.use-case.js';
import { UndoSaleUseCase } from '../use-cases/undo-sale/undo-sale.use-case.js';
import { UuidParam } from './uuid-param.pipe.js';

type StartedAuction = AuctionSnapshot & { id: string; leagueId: string; status: AuctionSnapshot['status'] };

@ApiTags('auctions')
@ApiBearerAuth()
@UseGuards(AccessGuard)
@Controller('api/auctions')
export class AuctionsController {
  constructor(
    private readonly startAuction: StartAuctionUseCase,
    private readonly goLiveNow: StartNowUseCase,
    private readonly reschedule: RescheduleAuctionUseCase,
    private readonly placeBid: PlaceBidUseCase,
    private readonly control: ControlAuctionUseCase,
    private readonly undoSale: UndoSaleUseCase,
    private readonly reassignSale: ReassignSaleUseCase,
    private readonly auditPage: AuditPageQuery,
    private readonly setProxy: SetProxyUseCase,
    private readonly removeProxy: RemoveProxyUseCase,
    private readonly ownProxies: OwnProxiesQuery,
    private readonly auctionSnapshot: AuctionSnapshotQuery,
    private readonly bidHistory: BidHistoryPageQuery,
    private readonly auctionResults: AuctionResultsQuery,
    private readonly auctionQueue: AuctionQueueQuery,
    private readonly saveQueue: SaveQueueUseCase,
    private readonly nominateLot: NominateUseCase,
    private readonly resultsCsvQuery: ResultsCsvQuery,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiZodBody(createAuctionRequest)
  start(@Body(new ZodPipe(createAuctionRequest)) body: CreateAuctionRequest, @CurrentUser() user: AuthUser): Promise<StartedAuction> {
    return this.startAuction.execute({
      leagueId: body.leagueId,
      userId: user.id,
      startsAt: body.startsAt ? new Date(body.startsAt) : undefined,
    });
  }

  @Post(':id/start')
  @HttpCode(200)
  startNow(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser): Promise<AuctionSnapshot> {
    return this.goLiveNow.execute({ auctionId: id, userId: user.id });
  }

  @Patch(':id')
  @ApiZodBody(rescheduleAuctionRequest)
  move(
    @Param('id', UuidParam) id: string,
    @Body(new ZodPipe(rescheduleAuctionRequest)) body: RescheduleAuctionRequest,
    @CurrentUser() user: AuthUser,
  ): Promise<AuctionSnapshot> {
    return this.reschedule.execute({ auctionId: id, userId: user.id, startsAt: new Date(body.startsAt) });
  }

  @Get(':id')
  snapshot(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser): Promise<AuctionSnapshot> {
    return this.auctionSnapshot.execute({ auctionId: id, userId: user.id });
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

  @Post(':id/nominations')
  @HttpCode(201)
  @ApiZodBody(nominationRequest)
  nominate(
    @Param('id', UuidParam) id: string,
    @Body(new ZodPipe(nominationRequest)) body: NominationRequest,
    @CurrentUser() user: AuthUser,
  ): Promise<NominationAnswer> {
    return this.nominateLot.execute({ ...body, auctionId: id, nominatorId: user.id });
  }

  @Get(':id/bids')
  @ApiZodQuery(bidHistoryQuery)
  bids(
    @Param('id', UuidParam) id: string,
    @Query(new ZodPipe(bidHistoryQuery)) query: BidHistoryQuery,
    @CurrentUser() user: AuthUser,
  ): Promise<Page<AcceptedBid>> {
    return this.bidHistory.execute({ ...query, auctionId: id, userId: user.id });
  }

  @Post(':id/pause')
  @HttpCode(200)
  pause(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser): Promise<AuctionSnapshot> {
    return this.control.execute({ auctionId: id, userId: user.id, action: 'pause' });
  }

  @Post(':id/resume')
  @HttpCode(200)
  resume(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser): Promise<AuctionSnapshot> {
    return this.control.execute({ auctionId: id, userId: user.id, action: 'resume' });
  }

  @Post(':id/end')
  @HttpCode(200)
  end(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser): Promise<AuctionSnapshot> {
    return this.control.execute({ auctionId: id, userId: user.id, action: 'end' });
  }

  /** The commissioner undoes a sale: the winner is refunded, every other sale stays. */
  @Post(':id/lots/:lotId/undo')
  @HttpCode(200)
  undo(
    @Param('id', UuidParam) id: string,
    @Param('lotId', UuidParam) lotId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<AuctionSnapshot> {
    return this.undoSale.execute({ auctionId: id, lotId, userId: user.id });
  }

  /** The commissioner moves a sale to another manager at another price. */
  @Post(':id/lots/:lotId/reassign')
  @HttpCode(200)
  @ApiZodBody(reassignSaleRequest)
  reassign(
    @Param('id', UuidParam) id: string,
    @Param('lotId', UuidParam) lotId: string,
    @Body(new ZodPipe(reassignSaleRequest)) body: ReassignSaleRequest,
    @CurrentUser() user: AuthUser,
  ): Promise<AuctionSnapshot> {
    return this.reassignSale.execute({ auctionId: id, lotId, userId: user.id, toUserId: body.userId, price: body.price });
  }

  /** Every start, pause, resume, end, undo and reassign, newest first (members). */
  @Get(':id/audit')
  @ApiZodQuery(auditQuery)
  audit(
    @Param('id', UuidParam) id: string,
    @Query(new ZodPipe(auditQuery)) query: AuditQuery,
    @CurrentUser() user: AuthUser,
  ): Promise<Page<AuditEntry>> {
    return this.auditPage.execute({ ...query, auctionId: id, userId: user.id });
  }

  /** The caller's private maximum for one asset: the engine bids for them up to it. */
  @Put(':id/proxies/:assetId')
  @ApiZodBody(putProxyRequest)
  putProxy(
    @Param('id', UuidParam) id: string,
    @Param('assetId', UuidParam) assetId: string,
    @Body(new ZodPipe(putProxyRequest)) body: PutProxyRequest,
    @CurrentUser() user: AuthUser,
  ): Promise<OwnProxy> {
    return this.setProxy.execute({ auctionId: id, userId: user.id, assetId, maxAmount: body.maxAmount });
  }

  @Delete(':id/proxies/:assetId')
  @HttpCode(204)
  async deleteProxy(
    @Param('id', UuidParam) id: string,
    @Param('assetId', UuidParam) assetId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    await this.removeProxy.execute({ auctionId: id, userId: user.id, assetId });
  }

  /** The caller's proxies only. */
  @Get(':id/proxies')
  proxies(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser): Promise<OwnProxies> {
    return this.ownProxies.execute({ auctionId: id, userId: user.id });
  }

  @Get(':id/results')
  results(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser): Promise<AuctionResults> {
    return this.auctionResults.execute({ auctionId: id, userId: user.id });
  }

  @Get(':id/queue')
  queue(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser): Promise<AuctionQueue> {
    return this.auctionQueue.execute({ auctionId: id, userId: user.id });
  }

  @Put(':id/queue')
  @ApiZodBody(putQueueRequest)
  async putQueue(
    @Param('id', UuidParam) id: string,
    @Body(new ZodPipe(putQueueRequest)) body: PutQueueRequest,
    @CurrentUser() user: AuthUser,
  ): Promise<AuctionQueue> {
    await this.saveQueue.execute({ auctionId: id, userId: user.id, assetIds: body.assetIds });
    return this.auctionQueue.execute({ auctionId: id, userId: user.id });
  }

  /** The closed lots as a spreadsheet: `lotId,asset,assetId,status,winner,winnerId,price`, formula leads defused. */
  @Get(':id/results.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="results.csv"')
  resultsCsv(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser): Promise<string> {
    return this.resultsCsvQuery.execute({ auctionId: id, userId: user.id });
  }
}
