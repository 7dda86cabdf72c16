import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  pageQuery,
  resendInvitationsRequest,
  type Invitation,
  type InvitationReport,
  type Page,
  type ResendInvitationsRequest,
} from '@auction/contracts';
import { AccessGuard, CurrentUser, type AuthUser } from '@auction/auth-guard';
import { ApiZodBody, ApiZodQuery, emptyCsvFile, requireCsv, Upload, UploadBody, ZodPipe } from '@auction/platform';
import { INVITATIONS_CSV_MAX_BYTES } from '@auction/leagues-domain';
import type { z } from 'zod';
import { UuidParam } from '../http/uuid-param.pipe.js';
import { InvitationsQuery } from '../queries/invitations/invitations.query.js';
import { ResendInvitationsUseCase } from '../use-cases/resend-invitations/resend-invitations.use-case.js';
import { SendInvitationsUseCase } from '../use-cases/send-invitations/send-invitations.use-case.js';

@ApiTags('leagues')
@ApiBearerAuth()
@UseGuards(AccessGuard)
@Controller('api/leagues')
export class InvitationsController {
  constructor(
    private readonly sendInvitations: SendInvitationsUseCase,
    private readonly resendInvitations: ResendInvitationsUseCase,
    private readonly query: InvitationsQuery,
  ) {}

  /** text/csv with the header `email`, then up to 500 addresses (256 KiB); one report entry per row. */
  @Post(':id/invitations')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'email\nann@club.example\nbob@club.example\n' } })
  async invite(@Param('id', UuidParam) id: string, @UploadBody() upload: Upload, @CurrentUser() user: AuthUser): Promise<InvitationReport> {
    const csv = await requireCsv(upload).limitTo(INVITATIONS_CSV_MAX_BYTES, 'an invitations file').text();
    if (csv.trim() === '') throw emptyCsvFile();
    return this.sendInvitations.execute({ actor: user, leagueId: id, csv });
  }

  @Get(':id/invitations')
  @ApiZodQuery(pageQuery)
  list(
    @Param('id', UuidParam) id: string,
    @Query(new ZodPipe(pageQuery)) query: z.infer<typeof pageQuery>,
    @CurrentUser() user: AuthUser,
  ): Promise<Page<Invitation>> {
    return this.query.execute({ actor: user, leagueId: id, page: query });
  }

  @Post(':id/invitations/resend')
  @HttpCode(200)
  @ApiZodBody(resendInvitationsRequest)
  resend(
    @Param('id', UuidParam) id: string,
    @Body(new ZodPipe(resendInvitationsRequest)) body: ResendInvitationsRequest,
    @CurrentUser() user: AuthUser,
  ): Promise<{ items: Invitation[] }> {
    return this.resendInvitations.execute({ actor: user, leagueId: id, request: body });
  }
}
