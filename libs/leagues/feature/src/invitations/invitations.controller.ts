import { Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { InvitationReport } from '@auction/contracts';
import { AccessGuard, CurrentUser, type AuthUser } from '@auction/auth-guard';
import { CsvBody } from '@auction/platform';
import { UuidParam } from '../http/uuid-param.pipe.js';
import { SendInvitations } from './send-invitations.command.js';

@ApiTags('leagues')
@ApiBearerAuth()
@UseGuards(AccessGuard)
@Controller('api/leagues')
export class InvitationsController {
  constructor(private readonly sendInvitations: SendInvitations) {}

  /** text/csv with the header `email`, then up to 500 addresses; one report entry per row. */
  @Post(':id/invitations')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'email\nann@club.example\nbob@club.example\n' } })
  invite(@Param('id', UuidParam) id: string, @CsvBody() csv: string, @CurrentUser() user: AuthUser): Promise<InvitationReport> {
    return this.sendInvitations.execute(user, id, csv);
  }
}
