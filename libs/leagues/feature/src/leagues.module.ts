import { Module } from '@nestjs/common';
import { AssetsRepository } from './catalogue/assets.repository.js';
import { CatalogueController } from './catalogue/catalogue.controller.js';
import { CatalogueService } from './catalogue/catalogue.service.js';
import { SportsConfig } from './catalogue/sports-config.js';
import { MyCompetitionsController } from './competitions/my-competitions.controller.js';
import { MyCompetitionsQuery } from './competitions/my-competitions.query.js';
import { UnitOfWork } from './db/unit-of-work.js';
import { CompleteLeague } from './internal/complete-league.command.js';
import { InternalLeaguesController } from './internal/internal-leagues.controller.js';
import { InternalLeaguesQuery } from './internal/internal-leagues.query.js';
import { StartAuction } from './internal/start-auction.command.js';
import { InvitationsController } from './invitations/invitations.controller.js';
import { InvitationsRepository } from './invitations/invitations.repository.js';
import { InvitationMail } from './invitations/invitation-mail.js';
import { InvitationsQuery } from './invitations/invitations.query.js';
import { InvitePreviewController } from './invitations/invite-preview.controller.js';
import { InvitePreviewQuery } from './invitations/invite-preview.query.js';
import { ResendInvitations } from './invitations/resend-invitations.command.js';
import { SendInvitations } from './invitations/send-invitations.command.js';
import { LeagueLimits } from './league-limits.js';
import { CreateLeague } from './leagues/create-league.command.js';
import { LeaguesController } from './leagues/leagues.controller.js';
import { LeaguesQuery } from './leagues/leagues.query.js';
import { LeaguesRepository } from './leagues/leagues.repository.js';
import { MembersRepository } from './leagues/members.repository.js';
import { RemoveMember } from './leagues/remove-member.command.js';
import { RotateInviteToken } from './leagues/rotate-invite-token.command.js';
import { SettingsCatalogue } from './leagues/settings-catalogue.js';
import { UpdateLeague } from './leagues/update-league.command.js';
import { AcceptInvitations } from './membership/accept-invitations.command.js';
import { AdmitMember } from './membership/admit-member.js';
import { JoinLeague } from './membership/join-league.command.js';
import { LobbyEvents } from './membership/lobby-events.js';
import { MemberRenamedListener } from './membership/member-renamed.listener.js';

/**
 * Sports catalogue, leagues, memberships, invitations and the lobby's join events.
 * Needs the shared core, guards, limits, service client and realtime modules.
 */
@Module({
  controllers: [CatalogueController, InvitePreviewController, LeaguesController, InvitationsController, MyCompetitionsController, InternalLeaguesController],
  providers: [
    UnitOfWork,
    SportsConfig,
    LeagueLimits,
    AssetsRepository,
    LeaguesRepository,
    MembersRepository,
    InvitationsRepository,
    CatalogueService,
    SettingsCatalogue,
    LeaguesQuery,
    CreateLeague,
    UpdateLeague,
    RemoveMember,
    RotateInviteToken,
    LobbyEvents,
    MemberRenamedListener,
    AdmitMember,
    JoinLeague,
    AcceptInvitations,
    SendInvitations,
    ResendInvitations,
    InvitationsQuery,
    InvitationMail,
    InvitePreviewQuery,
    MyCompetitionsQuery,
    InternalLeaguesQuery,
    StartAuction,
    CompleteLeague,
  ],
})
export class LeaguesModule {}
