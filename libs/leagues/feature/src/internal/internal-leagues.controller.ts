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
import { LeagueMailRecipientsQuery } from '../queries/league-mail-recipients/league-mail-recipients.query.js';
import { LeagueMembershipQuery } from '../queries/league-membership/league-membership.query.js';
import { ScoringContextQuery } from '../queries/scoring-context/scoring-context.query.js';
import { AcceptInvitationsUseCase } from '../use-cases/accept-invitations/accept-invitations.use-case.js';
import { LockLeagueForAuctionUseCase } from '../use-cases/lock-league-for-auction/lock-league-for-auction.use-case.js';

/** Routes for the other services only (service tokens); see docs/architecture.md "Leagues". */
@ApiExcludeController()
@Controller('internal/leagues')
@UseGuards(ServiceGuard)
export class InternalLeaguesController {
  constructor(
    private readonly acceptInvitations: AcceptInvitationsUseCase,
    private readonly lockLeagueForAuction: LockLeagueForAuctionUseCase,
    private readonly membership: LeagueMembershipQuery,
    private readonly mailRecipientsQuery: LeagueMailRecipientsQuery,
    private readonly scoringContextQuery: ScoringContextQuery,
  ) {}

  @Post('invited-members')
  @HttpCode(200)
  invitedMember(@Body(new ZodPipe(invitedMemberRequest)) body: InvitedMemberRequest): Promise<AcceptedInvitations> {
    return this.acceptInvitations.execute(body);
  }

  @Get(':id/members/:userId')
  member(@Param('id', UuidParam) id: string, @Param('userId', UuidParam) userId: string): Promise<LeagueMembership> {
    return this.membership.execute({ leagueId: id, userId });
  }

  @Post(':id/start-auction')
  @HttpCode(200)
  start(@Param('id', UuidParam) id: string, @Body(new ZodPipe(startAuctionRequest)) body: StartAuctionRequest): Promise<AuctionSetup> {
    return this.lockLeagueForAuction.execute({ leagueId: id, request: body });
  }

  @Get(':id/mail-recipients')
  mailRecipients(@Param('id', UuidParam) id: string): Promise<LeagueMailRecipients> {
    return this.mailRecipientsQuery.execute({ leagueId: id });
  }

  @Get(':id/scoring-context')
  scoringContext(@Param('id', UuidParam) id: string): Promise<ScoringContext> {
    return this.scoringContextQuery.execute({ leagueId: id });
  }
}
