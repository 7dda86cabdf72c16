import { createParamDecorator, Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { z } from 'zod';
import { DomainError } from '@auction/contracts';
import type { AuthUser } from '@auction/auth-guard';
import { LeagueContexts } from './league-contexts.js';
import type { ScoringContext } from '@auction/contracts';

export type LeagueRole = 'member' | 'commissioner';

const LEAGUE_ROLE = 'scoring:league-role';
const leagueIdParam = z.uuid();

type LeagueRequest = Request & { user?: AuthUser; scoringContext?: ScoringContext };

/** Who may call the route: any member of the `:leagueId` league, or only its commissioner. */
export const RequireLeagueRole = (role: LeagueRole) => SetMetadata(LEAGUE_ROLE, role);

/**
 * Runs after `AccessGuard`: asks the leagues service about `:leagueId` and refuses strangers
 * (`NOT_A_MEMBER`) and, on commissioner routes, everyone else (`NOT_COMMISSIONER`) before the
 * body is read.
 */
@Injectable()
export class LeagueAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly contexts: LeagueContexts,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const role = this.reflector.get<LeagueRole | undefined>(LEAGUE_ROLE, execution.getHandler()) ?? 'member';
    const request = execution.switchToHttp().getRequest<LeagueRequest>();
    const leagueId = request.params.leagueId;
    if (!leagueIdParam.safeParse(leagueId).success) throw new DomainError('NOT_FOUND', 'No such league.');
    const userId = request.user?.id;
    if (!userId) throw new DomainError('UNAUTHORIZED', 'Sign in to continue.');
    let context = await this.contexts.get(leagueId as string);
    // A refusal is never made on a cached answer: whoever joined a moment ago is let in.
    if (refusal(context, userId, role)) context = await this.contexts.get(leagueId as string, { fresh: true });
    const refused = refusal(context, userId, role);
    if (refused) throw refused;
    request.scoringContext = context;
    return true;
  }
}

function refusal(context: ScoringContext, userId: string, role: LeagueRole): DomainError | null {
  if (role === 'commissioner' && context.commissionerId !== userId) {
    return new DomainError('NOT_COMMISSIONER', 'Only the league’s commissioner can do this.');
  }
  if (context.commissionerId !== userId && !context.members.some((member) => member.userId === userId)) {
    return new DomainError('NOT_A_MEMBER', 'You are not a member of this league.');
  }
  return null;
}

/** The league context `LeagueAccessGuard` fetched for this request. */
export const LeagueContext = createParamDecorator((_: unknown, execution: ExecutionContext): ScoringContext => {
  const context = execution.switchToHttp().getRequest<LeagueRequest>().scoringContext;
  if (!context) throw new Error('LeagueContext used on a route without LeagueAccessGuard');
  return context;
});
