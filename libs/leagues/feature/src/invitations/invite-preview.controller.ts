import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { joinLeagueRequest, type InvitePreview } from '@auction/contracts';
import { ZodPipe } from '@auction/platform';
import { InvitePreviewQuery } from '../queries/invite-preview/invite-preview.query.js';

const inviteTokenParam = joinLeagueRequest.shape.inviteToken;

/** No sign-in needed: the page behind an invite link greets a visitor with the league's name first. */
@ApiTags('leagues')
@Controller('api/leagues/invites')
export class InvitePreviewController {
  constructor(private readonly query: InvitePreviewQuery) {}

  @Get(':inviteToken')
  preview(@Param('inviteToken', new ZodPipe(inviteTokenParam)) inviteToken: string): Promise<InvitePreview> {
    return this.query.execute({ inviteToken });
  }
}
