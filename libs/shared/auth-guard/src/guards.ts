import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { DomainError } from '@auction/contracts';
import type { AppConfig } from '@auction/config';
import { APP_CONFIG } from '@auction/platform';
import { accessTokenError } from './access-token.js';
import { isValidServiceToken } from './service-token.js';

/** Requires a valid access token; refusals are problem+json (`TOKEN_EXPIRED` or `UNAUTHORIZED`). */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  override handleRequest<TUser>(error: unknown, user: TUser, info: unknown): TUser {
    if (error || !user) throw accessTokenError(error ?? info);
    return user;
  }
}

/** Guards `/internal` routes: only other services, holding the shared secret, may call them. */
@Injectable()
export class ServiceGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (!isValidServiceToken(this.config.jwtSecret, token)) {
      throw new DomainError('FORBIDDEN', 'Internal route.');
    }
    return true;
  }
}
