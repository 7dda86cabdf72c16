import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  invitedMemberRequest,
  startAuctionRequest,
  type AcceptedInvitations,
  type AuctionSetup,
  type InvitedMemberRequest,
  type LeagueMailRecipients,
  type LeagueMembership,
  type ScoringContext,
  type StartAuctionRequest,
} from '@auction/contracts';
import { ServiceGuard } from '@auction/auth-guard';
import { ZodPipe } from '@auction/platform';
import { UuidParam } from '../http/uuid-param.pipe.js';
import { AcceptInvitations } from '../membership/accept-invitations.command.js';
import { InternalLeaguesQuery } from './internal-leagues.query.js';
import { StartAuction } from './start-auction.command.js';

/** Routes for the other services only (service tokens); see docs/architecture.md "Leagues". */
@ApiExcludeController()
@Controller('internal/leagues')
@UseGuards(ServiceGuard)
export class InternalLeaguesController {
  constructor(
    private readonly acceptInvitations: AcceptInvitations,
    private readonly startAuction: StartAuction,
    private readonly query: InternalLeaguesQuery,
  ) {}

  @Post('invited-members')
  @HttpCode(200)
  invitedMember(@Body(new ZodPipe(invitedMemberRequest)) body: InvitedMemberRequest): Promise<AcceptedInvitations> {
    return this.acceptInvitations.execute(body);
  }

  @Get(':id/members/:userId')
  member(@Param('id', UuidParam) id: string, @Param('userId', UuidParam) userId: string): Promise<LeagueMembership> {
    return this.query.membership(id, userId);
  }

  @Post(':id/start-auction')
  @HttpCode(200)
  start(@Param('id', UuidParam) id: string, @Body(new ZodPipe(startAuctionRequest)) body: StartAuctionRequest): Promise<AuctionSetup> {
    return this.startAuction.execute(id, body);
  }

  @Get(':id/mail-recipients')
  mailRecipients(@Param('id', UuidParam) id: string): Promise<LeagueMailRecipients> {
    return this.query.mailRecipients(id);
  }

  @Get(':id/scoring-context')
  scoringContext(@Param('id', UuidParam) id: string): Promise<ScoringContext> {
    return this.query.scoringContext(id);
  }
}
