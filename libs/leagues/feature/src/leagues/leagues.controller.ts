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
import { JoinLeague } from '../membership/join-league.command.js';
import { CreateLeague } from './create-league.command.js';
import { createLeagueBody, updateLeagueBody } from './league-settings-body.js';
import { LeaguesQuery } from './leagues.query.js';
import { RemoveMember } from './remove-member.command.js';
import { RotateInviteToken } from './rotate-invite-token.command.js';
import { UpdateLeague } from './update-league.command.js';

@ApiTags('leagues')
@ApiBearerAuth()
@UseGuards(AccessGuard)
@Controller('api/leagues')
export class LeaguesController {
  constructor(
    private readonly query: LeaguesQuery,
    private readonly createLeague: CreateLeague,
    private readonly updateLeague: UpdateLeague,
    private readonly joinLeague: JoinLeague,
    private readonly removeMember: RemoveMember,
    private readonly rotateToken: RotateInviteToken,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiZodBody(createLeagueRequest)
  create(@Body(new ZodPipe(createLeagueBody)) body: CreateLeagueRequest, @CurrentUser() user: AuthUser): Promise<League> {
    return this.createLeague.execute(user, body);
  }

  @Post('join')
  @HttpCode(200)
  @ApiZodBody(joinLeagueRequest)
  join(@Body(new ZodPipe(joinLeagueRequest)) body: z.infer<typeof joinLeagueRequest>, @CurrentUser() user: AuthUser): Promise<LeagueMembership> {
    return this.joinLeague.execute(user, body.inviteToken);
  }

  /** The league's pool as `assetId,externalId,name,rank` and the sport's columns, for filling a CSV by hand. */
  @Get(':id/assets.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="assets.csv"')
  assetsCsv(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser): Promise<string> {
    return this.query.poolCsv(id, user.id);
  }

  @Get(':id')
  get(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser): Promise<League> {
    return this.query.get(id, user.id);
  }

  @Patch(':id')
  @ApiZodBody(updateLeagueRequest)
  update(
    @Param('id', UuidParam) id: string,
    @Body(new ZodPipe(updateLeagueBody)) body: UpdateLeagueRequest,
    @CurrentUser() user: AuthUser,
  ): Promise<League> {
    return this.updateLeague.execute(user, id, body);
  }

  @Delete(':id/members/:userId')
  @HttpCode(204)
  async remove(
    @Param('id', UuidParam) id: string,
    @Param('userId', UuidParam) userId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    await this.removeMember.execute(user, id, userId);
  }

  @Post(':id/invite-token')
  @HttpCode(200)
  rotateInviteToken(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser): Promise<InviteTokenAnswer> {
    return this.rotateToken.execute(user, id);
  }
}
