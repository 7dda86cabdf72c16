import { Body, Controller, Get, HttpCode, Ip, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  DomainError,
  logoutRequest,
  magicLinkRequest,
  refreshRequest,
  updateMeRequest,
  verifyMagicLinkRequest,
  type SignInResult,
  type TokenPair,
  type User,
} from '@auction/contracts';
import { AccessGuard, CurrentUser, type AuthUser } from '@auction/auth-guard';
import { ApiZodBody, ZodPipe } from '@auction/platform';
import { CurrentUserQuery } from './queries/current-user/current-user.query.js';
import { EndSessionUseCase } from './use-cases/end-session/end-session.use-case.js';
import { RefreshSessionUseCase } from './use-cases/refresh-session/refresh-session.use-case.js';
import { RenameUserUseCase } from './use-cases/rename-user/rename-user.use-case.js';
import { SendSignInLinkUseCase } from './use-cases/send-sign-in-link/send-sign-in-link.use-case.js';
import { SignInWithLinkUseCase } from './use-cases/sign-in-with-link/sign-in-with-link.use-case.js';
import type { z } from 'zod';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly sendSignInLink: SendSignInLinkUseCase,
    private readonly signInWithLink: SignInWithLinkUseCase,
    private readonly refreshSession: RefreshSessionUseCase,
    private readonly endSession: EndSessionUseCase,
    private readonly currentUser: CurrentUserQuery,
    private readonly renameUser: RenameUserUseCase,
  ) {}

  @Post('magic-link')
  @HttpCode(202)
  @ApiZodBody(magicLinkRequest)
  async requestLink(@Body(new ZodPipe(magicLinkRequest)) body: z.infer<typeof magicLinkRequest>, @Ip() ip: string) {
    await this.sendSignInLink.execute({ email: body.email, ip });
    return { status: 'accepted', message: 'If this address can receive mail, a sign-in link is on its way.' };
  }

  @Post('verify-magic-link')
  @HttpCode(200)
  @ApiZodBody(verifyMagicLinkRequest)
  verify(@Body(new ZodPipe(verifyMagicLinkRequest)) body: z.infer<typeof verifyMagicLinkRequest>, @Ip() ip: string): Promise<SignInResult> {
    return this.signInWithLink.execute({ token: body.token, ip });
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiZodBody(refreshRequest)
  refresh(@Body(new ZodPipe(refreshRequest)) body: z.infer<typeof refreshRequest>): Promise<TokenPair & { user: User }> {
    return this.refreshSession.execute({ refreshToken: body.refreshToken });
  }

  @Post('logout')
  @HttpCode(204)
  @UseGuards(AccessGuard)
  @ApiBearerAuth()
  @ApiZodBody(logoutRequest)
  async logout(@Body(new ZodPipe(logoutRequest)) body: z.infer<typeof logoutRequest>, @CurrentUser() user: AuthUser): Promise<void> {
    await this.endSession.execute({ refreshToken: body.refreshToken, userId: user.id });
  }

  @Get('me')
  @UseGuards(AccessGuard)
  @ApiBearerAuth()
  async me(@CurrentUser() user: AuthUser): Promise<User> {
    return this.found(await this.currentUser.execute({ userId: user.id }));
  }

  @Patch('me')
  @UseGuards(AccessGuard)
  @ApiBearerAuth()
  @ApiZodBody(updateMeRequest)
  async rename(@Body(new ZodPipe(updateMeRequest)) body: z.infer<typeof updateMeRequest>, @CurrentUser() user: AuthUser): Promise<User> {
    return this.found(await this.renameUser.execute({ userId: user.id, displayName: body.displayName }));
  }

  private found(user: User | null): User {
    // A valid token of a user who no longer exists is refused like any other bad token.
    if (!user) throw new DomainError('UNAUTHORIZED', 'This account no longer exists.');
    return user;
  }
}
