import { Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { InvitationReport } from '@auction/contracts';
import { AccessGuard, CurrentUser, type AuthUser } from '@auction/auth-guard';
import { emptyCsvFile, requireCsv, Upload, UploadBody } from '@auction/platform';
import { INVITATIONS_CSV_MAX_BYTES } from '@auction/leagues-domain';
import { UuidParam } from '../http/uuid-param.pipe.js';
import { SendInvitations } from './send-invitations.command.js';

@ApiTags('leagues')
@ApiBearerAuth()
@UseGuards(AccessGuard)
@Controller('api/leagues')
export class InvitationsController {
  constructor(private readonly sendInvitations: SendInvitations) {}

  /** text/csv with the header `email`, then up to 500 addresses (256 KiB); one report entry per row. */
  @Post(':id/invitations')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'email\nann@club.example\nbob@club.example\n' } })
  async invite(@Param('id', UuidParam) id: string, @UploadBody() upload: Upload, @CurrentUser() user: AuthUser): Promise<InvitationReport> {
    const csv = await requireCsv(upload).limitTo(INVITATIONS_CSV_MAX_BYTES, 'an invitations file').text();
    if (csv.trim() === '') throw emptyCsvFile();
    return this.sendInvitations.execute(user, id, csv);
  }
}
