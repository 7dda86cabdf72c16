import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DomainError, type AuctionCompletedEvent } from '@auction/contracts';
import { ServiceGuard } from '@auction/auth-guard';
import { CompletedAuctionQuery } from '../queries/completed-auction/completed-auction.query.js';
import { UuidParam } from './uuid-param.pipe.js';

/** For the scoring service: the `auction.completed` payload on demand (rebuilds). */
@ApiExcludeController()
@UseGuards(ServiceGuard)
@Controller('internal/auctions')
export class InternalAuctionsController {
  constructor(private readonly completedAuction: CompletedAuctionQuery) {}

  @Get('leagues/:leagueId/completed')
  async completed(@Param('leagueId', UuidParam) leagueId: string): Promise<AuctionCompletedEvent> {
    const event = await this.completedAuction.execute({ leagueId });
    if (!event) throw new DomainError('NOT_FOUND', 'This league has no completed auction.');
    return event;
  }
}
