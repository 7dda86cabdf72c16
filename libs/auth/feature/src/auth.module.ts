import { Module } from '@nestjs/common';
import { Mailer } from '@auction/platform';
import { AuthController } from './auth.controller.js';
import { InternalAuthController } from './internal/internal-auth.controller.js';
import { MagicLinkService } from './magic-link/magic-link.service.js';
import { MagicLinksRepository } from './magic-link/magic-links.repository.js';
import { SignInHooks } from './magic-link/sign-in-hooks.js';
import { RefreshTokensRepository } from './session/refresh-tokens.repository.js';
import { SessionService } from './session/session.service.js';
import { RenameUser } from './users/rename-user.command.js';
import { UsersRepository } from './users/users.repository.js';

/** Passwordless sign-in, sessions and the user's own profile. Needs the shared core, guard, limits and service client. */
@Module({
  controllers: [AuthController, InternalAuthController],
  providers: [Mailer, MagicLinkService, MagicLinksRepository, SignInHooks, RefreshTokensRepository, SessionService, UsersRepository, RenameUser],
})
export class AuthModule {}
