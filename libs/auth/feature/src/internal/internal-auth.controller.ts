import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { z } from 'zod';
import { emailSchema, text } from '@auction/contracts';
import { ServiceGuard } from '@auction/auth-guard';
import { ZodPipe } from '@auction/platform';
import { SendInvitationLinksUseCase } from '../use-cases/send-invitation-links/send-invitation-links.use-case.js';

export const invitationLinksRequest = z.strictObject({
  leagueId: z.uuid(),
  leagueName: text({ min: 1, max: 80 }),
  commissionerName: text({ min: 1, max: 60 }),
  /** The invitations' expiry as the leagues service recorded it; the links expire with them. */
  expiresAt: z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
  emails: z.array(emailSchema).min(1).max(500),
});

/** Called by the leagues service to mail sign-in links that also join a league. */
@ApiExcludeController()
@Controller('internal/auth')
@UseGuards(ServiceGuard)
export class InternalAuthController {
  constructor(private readonly invitationLinks: SendInvitationLinksUseCase) {}

  @Post('invitation-links')
  @HttpCode(200)
  async sendInvitationLinks(@Body(new ZodPipe(invitationLinksRequest)) body: z.infer<typeof invitationLinksRequest>) {
    const purpose = {
      kind: 'league-invite' as const,
      leagueId: body.leagueId,
      leagueName: body.leagueName,
      commissionerName: body.commissionerName,
    };
    await this.invitationLinks.execute({ emails: body.emails, purpose, expiresAt: body.expiresAt });
    return { sent: body.emails.length };
  }
}
