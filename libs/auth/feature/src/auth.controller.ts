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
import { MagicLinkService } from './magic-link/magic-link.service.js';
import { SessionService } from './session/session.service.js';
import { RenameUser } from './users/rename-user.command.js';
import { UsersRepository } from './users/users.repository.js';
import type { z } from 'zod';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly magicLinks: MagicLinkService,
    private readonly sessions: SessionService,
    private readonly users: UsersRepository,
    private readonly renameUser: RenameUser,
  ) {}

  @Post('magic-link')
  @HttpCode(202)
  @ApiZodBody(magicLinkRequest)
  async requestLink(@Body(new ZodPipe(magicLinkRequest)) body: z.infer<typeof magicLinkRequest>, @Ip() ip: string) {
    await this.magicLinks.request(body.email, ip);
    return { status: 'accepted', message: 'If this address can receive mail, a sign-in link is on its way.' };
  }

  @Post('verify-magic-link')
  @HttpCode(200)
  @ApiZodBody(verifyMagicLinkRequest)
  verify(@Body(new ZodPipe(verifyMagicLinkRequest)) body: z.infer<typeof verifyMagicLinkRequest>, @Ip() ip: string): Promise<SignInResult> {
    return this.magicLinks.verify(body.token, ip);
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiZodBody(refreshRequest)
  refresh(@Body(new ZodPipe(refreshRequest)) body: z.infer<typeof refreshRequest>): Promise<TokenPair & { user: User }> {
    return this.sessions.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @UseGuards(AccessGuard)
  @ApiBearerAuth()
  @ApiZodBody(logoutRequest)
  async logout(@Body(new ZodPipe(logoutRequest)) body: z.infer<typeof logoutRequest>, @CurrentUser() user: AuthUser): Promise<void> {
    await this.sessions.logout(body.refreshToken, user.id);
  }

  @Get('me')
  @UseGuards(AccessGuard)
  @ApiBearerAuth()
  async me(@CurrentUser() user: AuthUser): Promise<User> {
    return this.found(await this.users.findById(user.id));
  }

  @Patch('me')
  @UseGuards(AccessGuard)
  @ApiBearerAuth()
  @ApiZodBody(updateMeRequest)
  async rename(@Body(new ZodPipe(updateMeRequest)) body: z.infer<typeof updateMeRequest>, @CurrentUser() user: AuthUser): Promise<User> {
    return this.found(await this.renameUser.execute(user.id, body.displayName));
  }

  private found(user: User | null): User {
    // A valid token of a user who no longer exists is refused like any other bad token.
    if (!user) throw new DomainError('UNAUTHORIZED', 'This account no longer exists.');
    return user;
  }
}
