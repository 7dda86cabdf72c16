import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  createLeagueRequest,
  joinLeagueRequest,
  updateLeagueRequest,
  type CreateLeagueRequest,
  type InviteTokenAnswer,
  type League,
  type LeagueMembership,
  type UpdateLeagueRequest,
} from '@auction/contracts';
import { AccessGuard, CurrentUser, type AuthUser } from '@auction/auth-guard';
import { ApiZodBody, ZodPipe } from '@auction/platform';
import type { z } from 'zod';
import { UuidParam } from '../http/uuid-param.pipe.js';
import { LeagueQuery } from '../queries/league/league.query.js';
import { LeaguePoolCsvQuery } from '../queries/league-pool-csv/league-pool-csv.query.js';
import { CreateLeagueUseCase } from '../use-cases/create-league/create-league.use-case.js';
import { JoinLeagueUseCase } from '../use-cases/join-league/join-league.use-case.js';
import { RemoveMemberUseCase } from '../use-cases/remove-member/remove-member.use-case.js';
import { RotateInviteTokenUseCase } from '../use-cases/rotate-invite-token/rotate-invite-token.use-case.js';
import { UpdateLeagueUseCase } from '../use-cases/update-league/update-league.use-case.js';
import { createLeagueBody, updateLeagueBody } from './league-settings-body.js';

@ApiTags('leagues')
@ApiBearerAuth()
@UseGuards(AccessGuard)
@Controller('api/leagues')
export class LeaguesController {
  constructor(
    private readonly league: LeagueQuery,
    private readonly poolCsv: LeaguePoolCsvQuery,
    private readonly createLeague: CreateLeagueUseCase,
    private readonly updateLeague: UpdateLeagueUseCase,
    private readonly joinLeague: JoinLeagueUseCase,
    private readonly removeMember: RemoveMemberUseCase,
    private readonly rotateToken: RotateInviteTokenUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiZodBody(createLeagueRequest)
  create(@Body(new ZodPipe(createLeagueBody)) body: CreateLeagueRequest, @CurrentUser() user: AuthUser): Promise<League> {
    return this.createLeague.execute({ user, request: body });
  }

  @Post('join')
  @HttpCode(200)
  @ApiZodBody(joinLeagueRequest)
  join(
    @Body(new ZodPipe(joinLeagueRequest)) body: z.infer<typeof joinLeagueRequest>,
    @CurrentUser() user: AuthUser,
  ): Promise<LeagueMembership> {
    return this.joinLeague.execute({ user, inviteToken: body.inviteToken });
  }

  /** The league's pool as `assetId,externalId,name,rank` and the sport's columns, for filling a CSV by hand. */
  @Get(':id/assets.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="assets.csv"')
  assetsCsv(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser): Promise<string> {
    return this.poolCsv.execute({ leagueId: id, viewerId: user.id });
  }

  @Get(':id')
  get(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser): Promise<League> {
    return this.league.execute({ leagueId: id, viewerId: user.id });
  }

  @Patch(':id')
  @ApiZodBody(updateLeagueRequest)
  update(
    @Param('id', UuidParam) id: string,
    @Body(new ZodPipe(updateLeagueBody)) body: UpdateLeagueRequest,
    @CurrentUser() user: AuthUser,
  ): Promise<League> {
    return this.updateLeague.execute({ user, leagueId: id, patch: body });
  }

  @Delete(':id/members/:userId')
  @HttpCode(204)
  async remove(
    @Param('id', UuidParam) id: string,
    @Param('userId', UuidParam) userId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    await this.removeMember.execute({ actor: user, leagueId: id, userId });
  }

  @Post(':id/invite-token')
  @HttpCode(200)
  rotateInviteToken(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser): Promise<InviteTokenAnswer> {
    return this.rotateToken.execute({ actor: user, leagueId: id });
  }
}
