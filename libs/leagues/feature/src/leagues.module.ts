import { Module } from '@nestjs/common';
import { AssetsRepository } from './catalogue/assets.repository.js';
import { CatalogueController } from './catalogue/catalogue.controller.js';
import { SportsConfig } from './catalogue/sports-config.js';
import { MyCompetitionsController } from './competitions/my-competitions.controller.js';
import { AuctionCompletedListener } from './internal/auction-completed.listener.js';
import { InternalLeaguesController } from './internal/internal-leagues.controller.js';
import { InvitationsController } from './invitations/invitations.controller.js';
import { InvitationsRepository } from './invitations/invitations.repository.js';
import { InvitationMail } from './invitations/invitation-mail.js';
import { InvitePreviewController } from './invitations/invite-preview.controller.js';
import { LeagueLimits } from './league-limits.js';
import { LeaguesController } from './leagues/leagues.controller.js';
import { LeaguesRepository } from './leagues/leagues.repository.js';
import { MembersRepository } from './leagues/members.repository.js';
import { SettingsCatalogue } from './leagues/settings-catalogue.js';
import { AdmitMember } from './membership/admit-member.js';
import { LobbyEvents } from './membership/lobby-events.js';
import { MemberRenamedListener } from './membership/member-renamed.listener.js';
import { AssetsPageQuery } from './queries/assets-page/assets-page.query.js';
import { InvitationsQuery } from './queries/invitations/invitations.query.js';
import { InvitePreviewQuery } from './queries/invite-preview/invite-preview.query.js';
import { LeagueQuery } from './queries/league/league.query.js';
import { LeagueMailRecipientsQuery } from './queries/league-mail-recipients/league-mail-recipients.query.js';
import { LeagueMembershipQuery } from './queries/league-membership/league-membership.query.js';
import { LeaguePoolCsvQuery } from './queries/league-pool-csv/league-pool-csv.query.js';
import { MyCompetitionsQuery } from './queries/my-competitions/my-competitions.query.js';
import { ScoringContextQuery } from './queries/scoring-context/scoring-context.query.js';
import { AcceptInvitationsUseCase } from './use-cases/accept-invitations/accept-invitations.use-case.js';
import { CompleteLeagueUseCase } from './use-cases/complete-league/complete-league.use-case.js';
import { CreateLeagueUseCase } from './use-cases/create-league/create-league.use-case.js';
import { JoinLeagueUseCase } from './use-cases/join-league/join-league.use-case.js';
import { LockLeagueForAuctionUseCase } from './use-cases/lock-league-for-auction/lock-league-for-auction.use-case.js';
import { RemoveMemberUseCase } from './use-cases/remove-member/remove-member.use-case.js';
import { RenameMemberUseCase } from './use-cases/rename-member/rename-member.use-case.js';
import { ResendInvitationsUseCase } from './use-cases/resend-invitations/resend-invitations.use-case.js';
import { RotateInviteTokenUseCase } from './use-cases/rotate-invite-token/rotate-invite-token.use-case.js';
import { SendInvitationsUseCase } from './use-cases/send-invitations/send-invitations.use-case.js';
import { UpdateLeagueUseCase } from './use-cases/update-league/update-league.use-case.js';

/**
 * Sports catalogue, leagues, memberships, invitations and the lobby's join events.
 * Needs the shared core, guards, limits, service client and realtime modules.
 */
@Module({
  controllers: [
    CatalogueController,
    InvitePreviewController,
    LeaguesController,
    InvitationsController,
    MyCompetitionsController,
    InternalLeaguesController,
  ],
  providers: [
    SportsConfig,
    LeagueLimits,
    AssetsRepository,
    LeaguesRepository,
    MembersRepository,
    InvitationsRepository,
    SettingsCatalogue,
    LobbyEvents,
    InvitationMail,
    AdmitMember,
    CreateLeagueUseCase,
    UpdateLeagueUseCase,
    RemoveMemberUseCase,
    RotateInviteTokenUseCase,
    JoinLeagueUseCase,
    AcceptInvitationsUseCase,
    SendInvitationsUseCase,
    ResendInvitationsUseCase,
    LockLeagueForAuctionUseCase,
    CompleteLeagueUseCase,
    RenameMemberUseCase,
    AssetsPageQuery,
    LeagueQuery,
    LeaguePoolCsvQuery,
    InvitationsQuery,
    InvitePreviewQuery,
    MyCompetitionsQuery,
    LeagueMembershipQuery,
    LeagueMailRecipientsQuery,
    ScoringContextQuery,
    AuctionCompletedListener,
    MemberRenamedListener,
  ],
})
export class LeaguesModule {}
