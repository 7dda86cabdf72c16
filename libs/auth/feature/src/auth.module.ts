import { Module } from '@nestjs/common';
import { Mailer } from '@auction/platform';
import { AuthController } from './auth.controller.js';
import { InternalAuthController } from './internal/internal-auth.controller.js';
import { MagicLinksRepository } from './magic-link/magic-links.repository.js';
import { SignInHooks } from './magic-link/sign-in-hooks.js';
import { SignInLinks } from './magic-link/sign-in-links.js';
import { CurrentUserQuery } from './queries/current-user/current-user.query.js';
import { RefreshTokensRepository } from './session/refresh-tokens.repository.js';
import { SessionTokens } from './session/session-tokens.js';
import { EndSessionUseCase } from './use-cases/end-session/end-session.use-case.js';
import { RefreshSessionUseCase } from './use-cases/refresh-session/refresh-session.use-case.js';
import { RenameUserUseCase } from './use-cases/rename-user/rename-user.use-case.js';
import { SendInvitationLinksUseCase } from './use-cases/send-invitation-links/send-invitation-links.use-case.js';
import { SendSignInLinkUseCase } from './use-cases/send-sign-in-link/send-sign-in-link.use-case.js';
import { SignInWithLinkUseCase } from './use-cases/sign-in-with-link/sign-in-with-link.use-case.js';
import { UsersRepository } from './users/users.repository.js';

/** Passwordless sign-in, sessions and the user's own profile. Needs the shared core, guard, limits and service client. */
@Module({
  controllers: [AuthController, InternalAuthController],
  providers: [
    Mailer,
    MagicLinksRepository,
    RefreshTokensRepository,
    UsersRepository,
    SignInLinks,
    SignInHooks,
    SessionTokens,
    SendSignInLinkUseCase,
    SendInvitationLinksUseCase,
    SignInWithLinkUseCase,
    RefreshSessionUseCase,
    EndSessionUseCase,
    RenameUserUseCase,
    CurrentUserQuery,
  ],
})
export class AuthModule {}
